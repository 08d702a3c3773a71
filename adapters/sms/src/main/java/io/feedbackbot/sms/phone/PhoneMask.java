package io.feedbackbot.sms.phone;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/**
 * Masks phone numbers for logs: the country code, up to three leading national digits and the last four stay, the
 * middle becomes {@code ****} ({@code +8613800000000} → {@code +86138****0000}). Invariant: at least four digits
 * of any input are hidden, and the output never shows how many.
 */
public final class PhoneMask {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private PhoneMask() {
    }

    public static String mask(String number) {
        if (number == null || number.isEmpty()) {
            return "";
        }
        if (number.startsWith("+")) {
            try {
                PhoneNumber parsed = UTIL.parse(number, "ZZ");
                String national = UTIL.getNationalSignificantNumber(parsed);
                int suffix = national.length() >= 8 ? 4 : Math.max(0, national.length() - 4);
                int prefix = Math.max(0, Math.min(3, national.length() - 4 - suffix));
                return "+" + parsed.getCountryCode() + national.substring(0, prefix) + "****"
                        + national.substring(national.length() - suffix);
            } catch (NumberParseException e) {
                // not a number: fall through to the blunt mask
            }
        }
        return number.length() > 6 ? "****" + number.substring(number.length() - 2) : "****";
    }
}
