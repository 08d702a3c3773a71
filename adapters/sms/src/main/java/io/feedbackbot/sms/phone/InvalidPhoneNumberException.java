package io.feedbackbot.sms.phone;

/**
 * A phone number that cannot be sent to. The message quotes the input ({@code "'12345' is not a valid phone number
 * for region CN"}) because it is shown to the marketer who imported it; log {@link #masked()} instead.
 */
public final class InvalidPhoneNumberException extends IllegalArgumentException {

    private final String masked;

    InvalidPhoneNumberException(String raw, String region) {
        super("'" + shorten(raw) + "' is not a valid phone number for region " + region);
        this.masked = "'" + PhoneMask.mask(raw) + "' is not a valid phone number for region " + region;
    }

    /** The same message with the number masked, for logs. */
    public String masked() {
        return masked;
    }

    private static String shorten(String raw) {
        return raw.length() <= 40 ? raw : raw.substring(0, 40) + "…";
    }
}
