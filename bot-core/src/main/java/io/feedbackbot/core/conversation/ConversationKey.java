package io.feedbackbot.core.conversation;

import java.util.Objects;

/**
 * Identifies one customer's conversation with one account on one channel ({@code webchat:demo:u-42}). All state of
 * a conversation hangs off this key, and all messages of one key are handled in order.
 *
 * <p>Invariant: channel and account are short lower-case identifiers; the customer id is non-blank, at most 128
 * characters, and holds no whitespace, control characters or braces (braces would break Redis hash tags).
 */
public record ConversationKey(String channel, String account, String customer) {

    public ConversationKey {
        requireId("channel", channel);
        requireId("account", account);
        Objects.requireNonNull(customer, "customer");
        if (customer.isBlank() || customer.length() > 128) {
            throw new IllegalArgumentException("customer id must be 1 to 128 characters");
        }
        for (int i = 0; i < customer.length(); i++) {
            char c = customer.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c) || c == '{' || c == '}') {
                throw new IllegalArgumentException("customer id must not contain whitespace, control characters or braces");
            }
        }
    }

    /** {@code channel:account:customer}; the customer part may itself contain colons. */
    public String id() {
        return channel + ':' + account + ':' + customer;
    }

    /** Parses {@link #id()}. */
    public static ConversationKey parse(String id) {
        String[] parts = id.split(":", 3);
        if (parts.length != 3) {
            throw new IllegalArgumentException("not a conversation id: " + id);
        }
        return new ConversationKey(parts[0], parts[1], parts[2]);
    }

    /** The customer id with its middle masked, for logs ({@code +86138****0000}, {@code oyOR****f0rs}). */
    public String maskedCustomer() {
        return mask(customer);
    }

    /** Masks the middle of an identifier so logs never carry a full phone number or openid. */
    public static String mask(String id) {
        if (id == null) {
            return "";
        }
        int n = id.length();
        if (n <= 4) {
            return "****";
        }
        int keep = Math.min(4, n / 3);
        return id.substring(0, keep) + "****" + id.substring(n - keep);
    }

    @Override
    public String toString() {
        return channel + ':' + account + ':' + maskedCustomer();
    }

    /**
     * {@code [a-z0-9][a-z0-9_-]{0,63}}, checked by hand: keys are built several times per message, and compiling
     * the regular expression each time showed in the load profile.
     */
    private static boolean isIdentifier(String value) {
        if (value.isEmpty() || value.length() > 64 || value.charAt(0) == '_' || value.charAt(0) == '-') {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    static void requireId(String what, String value) {
        Objects.requireNonNull(value, what);
        if (!isIdentifier(value)) {
            throw new IllegalArgumentException(what + " must be a lower-case identifier (a-z, 0-9, '-', '_'): " + value);
        }
    }
}
