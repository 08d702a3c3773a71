package io.feedbackbot.wechat.xml;

/**
 * Wraps text in a CDATA section that stays well-formed whatever the text holds: a {@code ]]>} inside is split
 * across two sections, and characters XML 1.0 cannot carry at all (most C0 controls, lone surrogates, U+FFFE,
 * U+FFFF) are dropped, since no escaping could make them legal.
 */
public final class Cdata {

    private Cdata() {
    }

    public static String wrap(String text) {
        String legal = legalXmlChars(text == null ? "" : text);
        return "<![CDATA[" + legal.replace("]]>", "]]]]><![CDATA[>") + "]]>";
    }

    private static String legalXmlChars(String text) {
        if (allLegal(text)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            if (isLegal(cp)) {
                out.appendCodePoint(cp);
            }
            i += Character.charCount(cp);
        }
        return out.toString();
    }

    /** The common case, checked without copying: no surrogates, no characters XML forbids. */
    private static boolean allLegal(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 ? c != 0x9 && c != 0xA && c != 0xD : c >= 0xD800 && (c <= 0xDFFF || c >= 0xFFFE)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isLegal(int cp) {
        return cp == 0x9 || cp == 0xA || cp == 0xD
                || (cp >= 0x20 && cp <= 0xD7FF)
                || (cp >= 0xE000 && cp <= 0xFFFD)
                || (cp >= 0x10000 && cp <= 0x10FFFF);
    }
}
