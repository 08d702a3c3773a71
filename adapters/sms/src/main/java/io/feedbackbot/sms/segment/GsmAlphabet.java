package io.feedbackbot.sms.segment;

/**
 * The GSM 03.38 default alphabet: which characters GSM-7 can carry and what each costs in septets (1 for the basic
 * table, 2 for the extension table, reached through an escape septet). The escape code itself (U+001B) is not a
 * character a message can carry, so a body holding it goes out as UCS-2.
 */
final class GsmAlphabet {

    private static final String BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String EXTENSION = "^{}\\[~]|€\f";

    private GsmAlphabet() {
    }

    /** Septets needed for {@code codePoint}: 1, 2, or 0 when GSM-7 cannot carry it. */
    static int septets(int codePoint) {
        if (codePoint > 0xFFFF) {
            return 0;
        }
        char c = (char) codePoint;
        if (BASIC.indexOf(c) >= 0) {
            return 1;
        }
        return EXTENSION.indexOf(c) >= 0 ? 2 : 0;
    }
}
