package io.feedbackbot.wechat.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SafeXmlReaderTest {

    @TempDir
    Path dir;

    private String secret;
    private String fileUri;

    @BeforeEach
    void createASecretFile() throws Exception {
        secret = "TOP-SECRET-" + UUID.randomUUID();
        Path file = dir.resolve("secret.txt");
        Files.writeString(file, secret);
        fileUri = file.toUri().toString();
    }

    private String xxeGeneralEntity() {
        return "<?xml version=\"1.0\"?>\n<!DOCTYPE xml [<!ENTITY xxe SYSTEM \"" + fileUri + "\">]>\n"
                + "<xml><MsgType>text</MsgType><Content>&xxe;</Content></xml>";
    }

    @Test
    void theXxePayloadReallyReadsTheFileWithAnUnhardenedParser() throws Exception {
        // Control: without this, the rejection tests below could pass for the wrong reason.
        var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xxeGeneralEntity().getBytes(StandardCharsets.UTF_8)));
        assertTrue(doc.getDocumentElement().getTextContent().contains(secret));
    }

    @Test
    void anExternalGeneralEntityIsRejectedAndTheFileContentAppearsNowhere() {
        MalformedXmlException e = assertThrows(MalformedXmlException.class,
                () -> SafeXmlReader.read(xxeGeneralEntity()));
        assertTrue(e.getMessage().contains("DOCTYPE"), e.getMessage());
        assertFalse(e.getMessage().contains(secret));
        assertFalse(String.valueOf(e.getCause()).contains(secret));
    }

    @Test
    void anExternalParameterEntityIsRejected() {
        String payload = "<!DOCTYPE xml [<!ENTITY % p SYSTEM \"" + fileUri + "\"> %p;]><xml><a>x</a></xml>";
        MalformedXmlException e = assertThrows(MalformedXmlException.class, () -> SafeXmlReader.read(payload));
        assertFalse(e.getMessage().contains(secret));
    }

    @Test
    void anExternalDtdIsRejected() {
        String payload = "<!DOCTYPE xml SYSTEM \"" + fileUri + "\"><xml><a>x</a></xml>";
        MalformedXmlException e = assertThrows(MalformedXmlException.class, () -> SafeXmlReader.read(payload));
        assertFalse(e.getMessage().contains(secret));
    }

    @Test
    void internalEntityExpansionIsRejected() {
        String payload = "<!DOCTYPE xml [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
                + "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]><xml><Content>&c;</Content></xml>";
        assertThrows(MalformedXmlException.class, () -> SafeXmlReader.read(payload));
    }

    @Test
    void anXIncludeIsNotFollowed() throws Exception {
        String payload = "<xml xmlns:xi=\"http://www.w3.org/2001/XInclude\"><Content>before"
                + "<xi:include href=\"" + fileUri + "\" parse=\"text\"/>after</Content></xml>";
        XmlFields fields = SafeXmlReader.read(payload);
        assertEquals(Optional.of("beforeafter"), fields.get("Content"));
        assertFalse(fields.values().toString().contains(secret));
    }

    @ParameterizedTest(name = "\"{0}\" is malformed")
    @ValueSource(strings = {
        "<xml><Content>unclosed</xml>",
        "not xml at all",
        "<xml><a>1</a></xml><xml/>",
        "<notxml><Content>x</Content></notxml>",
        "<xml><a>&undefined;</a></xml>",
        "   "
    })
    void malformedDocumentsAreRejectedWithADistinctException(String document) {
        assertThrows(MalformedXmlException.class, () -> SafeXmlReader.read(document));
    }

    @Test
    void anEmptyBodyIsMalformed() {
        assertThrows(MalformedXmlException.class, () -> SafeXmlReader.read(new byte[0]));
    }

    @Test
    void childTextIsReadFromCdataAndPlainText() throws Exception {
        XmlFields fields = SafeXmlReader.read("<xml><A><![CDATA[<b>&amp;]]></A><B>1 &lt; 2</B><C/></xml>");
        assertEquals(Optional.of("<b>&amp;"), fields.get("A"));
        assertEquals(Optional.of("1 < 2"), fields.get("B"));
        assertEquals(Optional.of(""), fields.get("C"));
        assertEquals(Optional.empty(), fields.nonBlank("C"));
    }

    @Test
    void theFirstOfRepeatedElementsWins() throws Exception {
        assertEquals(Optional.of("1"), SafeXmlReader.read("<xml><A>1</A><A>2</A></xml>").get("A"));
    }

    @Test
    void aDeclaredEncodingIsHonoured() throws Exception {
        byte[] gbk = "<?xml version=\"1.0\" encoding=\"GBK\"?><xml><A>中文</A></xml>".getBytes("GBK");
        assertEquals(Optional.of("中文"), SafeXmlReader.read(gbk).get("A"));
    }

    @Test
    void aRealWeChatPushIsReadFieldByField() throws Exception {
        XmlFields fields = SafeXmlReader.read("<xml>\n  <ToUserName><![CDATA[gh_123]]></ToUserName>\n"
                + "  <CreateTime>1348831860</CreateTime>\n  <MsgType><![CDATA[text]]></MsgType>\n"
                + "  <Content><![CDATA[九分，送得很快]]></Content>\n  <MsgId>1234567890123456</MsgId>\n</xml>\n");
        assertEquals(Optional.of("gh_123"), fields.get("ToUserName"));
        assertEquals(1348831860L, fields.requireLong("CreateTime"));
        assertEquals(Optional.of("九分，送得很快"), fields.get("Content"));
        assertEquals(Optional.of("1234567890123456"), fields.get("MsgId"));
    }

    @Test
    void commentsProcessingInstructionsAttributesAndReferencesAreUnderstood() throws Exception {
        XmlFields fields = SafeXmlReader.read("<?xml version=\"1.0\" encoding=\"UTF-8\"?><!-- a comment -->"
                + "<xml a=\"1\" b='2'><A x=\"&amp;\">&#x4E2D;&#25991; &quot;&apos;&gt;</A><?pi data?>"
                + "<B>line\r\nnext\rlast</B><C><D>nested</D> text</C></xml><!-- trailing -->");
        assertEquals(Optional.of("中文 \"'>"), fields.get("A"));
        assertEquals(Optional.of("line\nnext\nlast"), fields.get("B"));
        assertEquals(Optional.of("nested text"), fields.get("C"));
        assertEquals(Optional.empty(), fields.get("D"));
    }

    @ParameterizedTest(name = "\"{0}\" is malformed")
    @ValueSource(strings = {
        "<xml><A>1</B></xml>",
        "<xml><A>1</A>",
        "<xml><A a=1>x</A></xml>",
        "<xml><A>&#0;</A></xml>",
        "<xml><A>\u0001</A></xml>",
        "<xml><A>a & b</A></xml>",
        "<xml><A><![CDATA[open</A></xml>",
        "<xml><A><!-- open</A></xml>",
        "text<xml/>",
        "<xml/>trailing",
        "<xml><?xml version=\"1.0\"?></xml>",
        "<xml><!ENTITY a \"b\"></xml>"
    })
    void documentsThatAreNotWellFormedAreRejected(String document) {
        assertThrows(MalformedXmlException.class, () -> SafeXmlReader.read(document));
    }

    @Test
    void aDoctypeIsRefusedEvenWithoutEntities() {
        MalformedXmlException e = assertThrows(MalformedXmlException.class,
                () -> SafeXmlReader.read("<!DOCTYPE xml><xml><A>1</A></xml>"));
        assertTrue(e.getMessage().contains("DOCTYPE"), e.getMessage());
    }

    @Test
    void deeplyNestedElementsAreRefusedInsteadOfOverflowingTheStack() {
        String deep = "<a>".repeat(10_000) + "</a>".repeat(10_000);
        assertThrows(MalformedXmlException.class, () -> SafeXmlReader.read("<xml>" + deep + "</xml>"));
    }

    @Test
    void bytesThatAreNotValidUtf8AreMalformed() {
        byte[] bad = {'<', 'x', 'm', 'l', '>', '<', 'A', '>', (byte) 0xC3, (byte) 0x28, '<', '/', 'A', '>', '<', '/', 'x',
            'm', 'l', '>'};
        assertThrows(MalformedXmlException.class, () -> SafeXmlReader.read(bad));
    }
}
