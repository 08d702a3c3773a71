package io.feedbackbot.sms.twiml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TwimlReaderTest {

    @Test
    void readsPlainAndBodyStyleMessages() throws Exception {
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Message>one</Message>"
                + "<Message><Body>two</Body><Media>https://x/y.png</Media></Message><Redirect>/x</Redirect></Response>";
        assertEquals(List.of("one", "two"), TwimlReader.messages(xml));
    }

    @Test
    void refusesADoctypeInsteadOfResolvingIt() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<Response><Message>&x;</Message></Response>";
        MalformedTwimlException e = assertThrows(MalformedTwimlException.class, () -> TwimlReader.messages(xxe));
        assertTrue(e.getMessage().contains("DOCTYPE"), e.getMessage());
    }

    @Test
    void refusesAnotherRootOrBrokenXml() {
        assertThrows(MalformedTwimlException.class, () -> TwimlReader.messages("<xml>success</xml>"));
        assertThrows(MalformedTwimlException.class, () -> TwimlReader.messages("<Response><Message>"));
        assertThrows(MalformedTwimlException.class, () -> TwimlReader.messages(""));
    }
}
