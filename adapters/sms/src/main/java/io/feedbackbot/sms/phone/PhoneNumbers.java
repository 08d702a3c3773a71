package io.feedbackbot.sms.phone;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Locale;

/**
 * Normalises customer phone numbers to E.164 ({@code +8613800000000}) with libphonenumber, reading national
 * numbers in the account's default region. Invariant: what comes out is a number libphonenumber calls valid;
 * anything else is an {@link InvalidPhoneNumberException} with a message fit for an import report.
 *
 * <p>Letters are refused even though libphonenumber would read vanity numbers ({@code 1-800-FLOWERS}): in an
 * imported audience they are far more likely to be a wrong column than a customer's mobile.
 */
public final class PhoneNumbers {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private PhoneNumbers() {
    }

    /**
     * @param raw           as typed or imported: spaces, dashes, dots, brackets, a leading {@code +} or {@code 00}
     *                      international prefix and full-width digits are all fine
     * @param defaultRegion ISO 3166 code (CN, US) used when {@code raw} has no country code
     * @throws InvalidPhoneNumberException when {@code raw} is not a valid number
     * @throws IllegalArgumentException    when {@code defaultRegion} is not a region libphonenumber knows
     */
    public static String toE164(String raw, String defaultRegion) {
        String region = requireSupportedRegion(defaultRegion);
        String input = raw == null ? "" : raw.strip();
        if (input.isEmpty() || input.codePoints().anyMatch(Character::isLetter)) {
            throw new InvalidPhoneNumberException(input, region);
        }
        try {
            PhoneNumber number = UTIL.parse(input, region);
            if (!UTIL.isValidNumber(number)) {
                throw new InvalidPhoneNumberException(input, region);
            }
            return UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
        } catch (NumberParseException e) {
            throw new InvalidPhoneNumberException(input, region);
        }
    }

    /** The region code upper-cased, or an error naming it when libphonenumber does not know it. */
    public static String requireSupportedRegion(String region) {
        String r = region == null ? "" : region.strip().toUpperCase(Locale.ROOT);
        if (!UTIL.getSupportedRegions().contains(r)) {
            throw new IllegalArgumentException("'" + region + "' is not a supported phone region (use ISO 3166 codes "
                    + "such as CN or US)");
        }
        return r;
    }
}
