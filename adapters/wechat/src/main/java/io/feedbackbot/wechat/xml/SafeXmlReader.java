package io.feedbackbot.wechat.xml;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads WeChat XML: flat documents with a root {@code <xml>}. The parser ({@link FlatXmlParser}) has no DTD
 * support at all, so a DOCTYPE, entity declarations (internal or external, billion laughs), external DTDs,
 * schemas and XInclude can never be processed: a DOCTYPE is refused, an undeclared entity is malformed, and an
 * XInclude element is an element like any other. The document is decoded strictly (UTF-8 unless its XML
 * declaration or byte-order mark says otherwise). Thread-safe and allocation-light: it runs twice for every
 * safe-mode push, on the event loop, where a general-purpose XML parser's per-document set-up cost dominated.
 */
public final class SafeXmlReader {

    private static final Pattern ENCODING = Pattern.compile("^<\\?xml\\s[^>]*?encoding\\s*=\\s*[\"']([A-Za-z0-9._-]+)[\"']");

    private SafeXmlReader() {
    }

    /** Reads a UTF-8 (or self-declared encoding) document whose root is {@code <xml>}. */
    public static XmlFields read(byte[] document) throws MalformedXmlException {
        if (document == null || document.length == 0) {
            throw new MalformedXmlException("empty body");
        }
        return new XmlFields(new FlatXmlParser(decode(document)).parse());
    }

    /** Reads a document given as text. */
    public static XmlFields read(String document) throws MalformedXmlException {
        return read(document == null ? null : document.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(byte[] bytes) throws MalformedXmlException {
        int offset = 0;
        Charset charset = StandardCharsets.UTF_8;
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            offset = 3;
        } else if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF) {
            offset = 2;
            charset = StandardCharsets.UTF_16BE;
        } else if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
            offset = 2;
            charset = StandardCharsets.UTF_16LE;
        } else if (startsWithDeclaration(bytes)) {
            charset = declared(bytes);
        }
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset)).toString();
        } catch (CharacterCodingException e) {
            throw new MalformedXmlException("malformed XML: the body is not valid " + charset.name());
        }
    }

    private static boolean startsWithDeclaration(byte[] bytes) {
        byte[] start = {'<', '?', 'x', 'm', 'l'};
        if (bytes.length < start.length + 1) {
            return false;
        }
        for (int i = 0; i < start.length; i++) {
            if (bytes[i] != start[i]) {
                return false;
            }
        }
        return true;
    }

    /** The encoding an ASCII-compatible XML declaration names, UTF-8 when it names none. */
    private static Charset declared(byte[] bytes) throws MalformedXmlException {
        int end = 0;
        while (end < bytes.length && end < 200 && bytes[end] != '>') {
            end++;
        }
        Matcher m = ENCODING.matcher(new String(bytes, 0, Math.min(bytes.length, end + 1), StandardCharsets.ISO_8859_1));
        if (!m.find()) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(m.group(1));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new MalformedXmlException("malformed XML: unsupported encoding " + m.group(1));
        }
    }
}
