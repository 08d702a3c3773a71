package io.feedbackbot.sms.twiml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TwimlTest {

    private static final String DECL = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";

    @Test
    void oneReplyIsOneMessageInAResponse() {
        assertEquals(DECL + "<Response><Message>Hello World!</Message></Response>", Twiml.reply("Hello World!"));
    }

    @Test
    void severalRepliesAreSeveralMessagesInOrder() {
        assertEquals(DECL + "<Response><Message>谢谢！</Message><Message>请打分 0-10</Message></Response>",
                Twiml.reply("谢谢！", "请打分 0-10"));
    }

    @Test
    void noReplyIsAnEmptyResponse() {
        assertEquals(DECL + "<Response/>", Twiml.empty());
        assertEquals(DECL + "<Response/>", Twiml.reply(List.of()));
    }

    @Test
    void emptyMessagesAreLeftOut() {
        assertEquals(DECL + "<Response/>", Twiml.reply("", "\u0000"));
        assertEquals(DECL + "<Response><Message>x</Message></Response>", Twiml.reply("", "x"));
    }

    @Test
    void markupInCustomerTextIsEscaped() {
        assertEquals(DECL + "<Response><Message>&lt;b&gt;Tom &amp; Jerry&lt;/b&gt; said &quot;hi&quot; &apos;ok&apos;"
                        + "</Message></Response>",
                Twiml.reply("<b>Tom & Jerry</b> said \"hi\" 'ok'"));
        assertEquals("&lt;/Message&gt;&lt;Redirect&gt;http://evil&lt;/Redirect&gt;",
                Twiml.escape("</Message><Redirect>http://evil</Redirect>"));
    }

    @Test
    void charactersIllegalInXml10AreStrippedAndEverythingElseKept() {
        String text = "a\u0000b\u0008c\u000Bd\u001Fe\tf\ng\rh\uFFFEi\uFFFFj\uD800k\uDC00l😜m\uE000n";
        assertEquals("abcde\tf\ng\rhijkl😜m\uE000n", Twiml.escape(text));
    }

    @Test
    void theOutputReadsBackAsTheSameTexts() throws Exception {
        List<String> replies = List.of("1 < 2 & 3 > 2", "\"quoted\" 'apostrophe'", "太慢了 👍", "line\nbreak");
        assertEquals(replies, TwimlReader.messages(Twiml.reply(replies)));
        assertEquals(List.of(), TwimlReader.messages(Twiml.empty()));
    }

    @Test
    void aReplyOverSixtyFourKilobytesIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Twiml.reply("谢".repeat(22_000)));
        assertTrue(Twiml.reply("谢".repeat(21_000)).length() > 0);
    }
}
