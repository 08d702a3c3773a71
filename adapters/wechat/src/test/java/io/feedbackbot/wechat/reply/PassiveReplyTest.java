package io.feedbackbot.wechat.reply;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.feedbackbot.wechat.xml.SafeXmlReader;
import io.feedbackbot.wechat.xml.XmlFields;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PassiveReplyTest {

    @Test
    void aTextReplyHasTheOfficialShape() {
        assertEquals("<xml><ToUserName><![CDATA[toUser]]></ToUserName><FromUserName><![CDATA[fromUser]]>"
                        + "</FromUserName><CreateTime>12345678</CreateTime><MsgType><![CDATA[text]]></MsgType>"
                        + "<Content><![CDATA[你好]]></Content></xml>",
                PassiveReply.text("toUser", "fromUser", 12345678L, "你好"));
    }

    @Test
    void contentContainingTheCdataTerminatorStaysWellFormedAndReadsBackUnchanged() throws Exception {
        String content = "a]]>b <xml>&amp; ]]]]> ]]";
        XmlFields fields = SafeXmlReader.read(PassiveReply.text("o1", "gh_1", 1L, content));
        assertEquals(Optional.of(content), fields.get("Content"));
    }

    @Test
    void charactersXmlCannotCarryAreDropped() throws Exception {
        XmlFields fields = SafeXmlReader.read(PassiveReply.text("o1", "gh_1", 1L, "a\u0000b\u0008c\uFFFEd\uD800e\tf😀"));
        assertEquals(Optional.of("abcde\tf😀"), fields.get("Content"));
    }

    @Test
    void theAcknowledgementIsTheWordSuccess() {
        assertEquals("success", PassiveReply.ACK);
    }
}
