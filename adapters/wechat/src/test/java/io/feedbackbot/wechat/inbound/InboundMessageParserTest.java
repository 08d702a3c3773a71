package io.feedbackbot.wechat.inbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.feedbackbot.wechat.Fixtures;
import io.feedbackbot.wechat.xml.MalformedXmlException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InboundMessageParserTest {

    private static final InboundMessage.Header HEADER =
            new InboundMessage.Header("gh_10f6c3c3ac5a", "oyORnuP8q7ou2gfYjqLzSIWZf0rs", 1_700_000_000L);

    private static InboundMessage fixture(String name) throws MalformedXmlException {
        return InboundMessageParser.parse(Fixtures.bytes("inbound/" + name + ".xml"));
    }

    private static InboundMessage parse(String xml) throws MalformedXmlException {
        return InboundMessageParser.parse(xml.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aTextMessageKeepsItsContentAndMsgId() throws Exception {
        assertEquals(new InboundMessage.Text(HEADER, "9分，配送太慢了", "6054768590064713728"), fixture("text"));
    }

    @Test
    void aPlainSubscribeHasNoSceneEvenWithAnEmptyEventKey() throws Exception {
        InboundEvent.Subscribe subscribe = assertInstanceOf(InboundEvent.Subscribe.class, fixture("subscribe"));
        assertEquals(Optional.empty(), subscribe.eventKey());
        assertEquals(Optional.empty(), subscribe.qrScene());
    }

    @Test
    void aSubscribeThroughAQrCodeCarriesTheSceneAndTicket() throws Exception {
        InboundEvent.Subscribe subscribe =
                assertInstanceOf(InboundEvent.Subscribe.class, fixture("subscribe-qrscene"));
        assertEquals(Optional.of("store-0042"), subscribe.qrScene());
        assertEquals(true, subscribe.ticket().isPresent());
    }

    @Test
    void unsubscribeClickAndScanAreRecognised() throws Exception {
        assertEquals(new InboundEvent.Unsubscribe(HEADER), fixture("unsubscribe"));
        assertEquals(new InboundEvent.MenuClick(HEADER, "SURVEY_START"), fixture("click"));
        InboundEvent.QrScan scan = assertInstanceOf(InboundEvent.QrScan.class, fixture("scan"));
        assertEquals("store-0042", scan.scene());
    }

    @Test
    void templateSendJobFinishCarriesTheTemplateMsgIdAndStatus() throws Exception {
        assertEquals(new InboundEvent.TemplateSendJobFinished(
                        HEADER, 200163836L, TemplateDeliveryStatus.SYSTEM_FAILED, "failed: system failed"),
                fixture("templatesendjobfinish"));
    }

    @Test
    void otherEventsAreKeptWithTheirNameAndKey() throws Exception {
        assertEquals(new InboundEvent.Other(HEADER, "VIEW", Optional.of("https://example.com/survey?id=1")),
                fixture("view"));
    }

    @ParameterizedTest(name = "{0} is a non-text message of kind {1}")
    @CsvSource({
        "image, IMAGE, 1234567890123456",
        "voice, VOICE, 1234567890123457",
        "video, VIDEO, 1234567890123458",
        "shortvideo, SHORTVIDEO, 1234567890123459",
        "location, LOCATION, 1234567890123460",
        "link, LINK, 1234567890123461"
    })
    void nonTextMessagesAreRecognisedByType(String name, NonTextKind kind, String msgId) throws Exception {
        assertEquals(new InboundMessage.NonText(HEADER, kind, name, Optional.of(msgId)), fixture(name));
    }

    @Test
    void aMsgIdBeyondTheSignedLongRangeIsStillAnId() throws Exception {
        InboundMessage message = parse(Fixtures.text("inbound/text.xml")
                .replace("6054768590064713728", "18446744073709551615"));
        assertEquals("msg:18446744073709551615", message.dedupeKey());
    }

    @Test
    void anUnknownMessageTypeIsKeptAsUnknown() throws Exception {
        InboundMessage message = parse("<xml><ToUserName>gh_1</ToUserName><FromUserName>o123456789012</FromUserName>"
                + "<CreateTime>1</CreateTime><MsgType>hologram</MsgType></xml>");
        assertEquals(NonTextKind.UNKNOWN, assertInstanceOf(InboundMessage.NonText.class, message).kind());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "missing FromUserName | <xml><ToUserName>gh_1</ToUserName><CreateTime>1</CreateTime><MsgType>text</MsgType><Content>x</Content><MsgId>1</MsgId></xml>",
        "missing MsgType | <xml><ToUserName>gh_1</ToUserName><FromUserName>o1</FromUserName><CreateTime>1</CreateTime></xml>",
        "CreateTime not a number | <xml><ToUserName>gh_1</ToUserName><FromUserName>o1</FromUserName><CreateTime>soon</CreateTime><MsgType>text</MsgType><Content>x</Content><MsgId>1</MsgId></xml>",
        "text without MsgId | <xml><ToUserName>gh_1</ToUserName><FromUserName>o1</FromUserName><CreateTime>1</CreateTime><MsgType>text</MsgType><Content>x</Content></xml>",
        "text without Content | <xml><ToUserName>gh_1</ToUserName><FromUserName>o1</FromUserName><CreateTime>1</CreateTime><MsgType>text</MsgType><MsgId>1</MsgId></xml>",
        "MsgId not a number | <xml><ToUserName>gh_1</ToUserName><FromUserName>o1</FromUserName><CreateTime>1</CreateTime><MsgType>text</MsgType><Content>x</Content><MsgId>abc</MsgId></xml>",
        "event without Event | <xml><ToUserName>gh_1</ToUserName><FromUserName>o1</FromUserName><CreateTime>1</CreateTime><MsgType>event</MsgType></xml>",
        "CLICK without EventKey | <xml><ToUserName>gh_1</ToUserName><FromUserName>o1</FromUserName><CreateTime>1</CreateTime><MsgType>event</MsgType><Event>CLICK</Event></xml>"
    })
    void pushesMissingRequiredFieldsAreMalformed(String why, String xml) {
        assertThrows(MalformedXmlException.class, () -> parse(xml));
    }

    @Test
    void retriesOfOneTextMessageShareADedupeKeyAndOtherMessagesDoNot() throws Exception {
        InboundMessage first = fixture("text");
        InboundMessage retry = fixture("text");
        InboundMessage other = parse(Fixtures.text("inbound/text.xml").replace("6054768590064713728", "1"));
        assertEquals("msg:6054768590064713728", first.dedupeKey());
        assertEquals(first.dedupeKey(), retry.dedupeKey());
        assertNotEquals(first.dedupeKey(), other.dedupeKey());
    }

    @Test
    void eventDedupeKeysAreSenderTimeEventAndKey() throws Exception {
        assertEquals("evt:oyORnuP8q7ou2gfYjqLzSIWZf0rs:1700000000:CLICK:SURVEY_START", fixture("click").dedupeKey());
        assertEquals("evt:oyORnuP8q7ou2gfYjqLzSIWZf0rs:1700000000:unsubscribe:", fixture("unsubscribe").dedupeKey());
    }

    @Test
    void twoClicksInOneSecondOnDifferentButtonsAreDifferentPushes() throws Exception {
        InboundMessage other = parse(Fixtures.text("inbound/click.xml").replace("SURVEY_START", "HELP"));
        assertNotEquals(fixture("click").dedupeKey(), other.dedupeKey());
    }

    @Test
    void aSubscribeAndAnUnsubscribeInOneSecondAreDifferentPushes() throws Exception {
        assertNotEquals(fixture("subscribe").dedupeKey(), fixture("unsubscribe").dedupeKey());
    }

    @Test
    void logTextMasksTheOpenIdAndOmitsTheContent() throws Exception {
        String logged = fixture("text").toString();
        assertEquals(false, logged.contains("oyORnuP8q7ou2gfYjqLzSIWZf0rs"), logged);
        assertEquals(false, logged.contains("配送"), logged);
    }
}
