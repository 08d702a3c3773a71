package io.feedbackbot.sms.twiml;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Writes the TwiML answer to an inbound SMS webhook: {@code <Response>} with one {@code <Message>} per reply, or
 * {@code <Response/>} to send nothing. Invariants: the output is well-formed XML 1.0 starting with the declaration
 * (no leading whitespace), customer text is escaped, characters XML 1.0 forbids are dropped, and empty messages
 * are left out (the provider refuses to send an empty SMS).
 */
public final class Twiml {

    /** The Content-Type of a TwiML answer. */
    public static final String CONTENT_TYPE = "text/xml; charset=UTF-8";

    /** Twilio rejects TwiML documents larger than 64 kB. */
    public static final int MAX_BYTES = 64 * 1024;

    private static final String DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";

    private Twiml() {
    }

    /** {@code <Response/>}: the webhook is acknowledged and nothing is sent. */
    public static String empty() {
        return DECLARATION + "<Response/>";
    }

    public static String reply(String... messages) {
        return reply(Arrays.asList(messages));
    }

    /**
     * @throws IllegalArgumentException when the document would exceed {@link #MAX_BYTES}; send through the REST API
     */
    public static String reply(List<String> messages) {
        StringBuilder xml = new StringBuilder(DECLARATION).append("<Response>");
        int written = 0;
        for (String message : messages) {
            String escaped = escape(message);
            if (!escaped.isEmpty()) {
                xml.append("<Message>").append(escaped).append("</Message>");
                written++;
            }
        }
        if (written == 0) {
            return empty();
        }
        String doc = xml.append("</Response>").toString();
        int bytes = doc.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_BYTES) {
            throw new IllegalArgumentException("TwiML reply is " + bytes + " bytes; the provider accepts at most "
                    + MAX_BYTES);
        }
        return doc;
    }

    /** Escapes markup characters and drops code points that XML 1.0 does not allow (controls, lone surrogates). */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            switch (cp) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> {
                    if (allowedInXml10(cp)) {
                        out.appendCodePoint(cp);
                    }
                }
            }
        }
        return out.toString();
    }

    private static boolean allowedInXml10(int cp) {
        return cp == 0x9 || cp == 0xA || cp == 0xD
                || (cp >= 0x20 && cp <= 0xD7FF)
                || (cp >= 0xE000 && cp <= 0xFFFD)
                || (cp >= 0x10000 && cp <= 0x10FFFF);
    }
}
