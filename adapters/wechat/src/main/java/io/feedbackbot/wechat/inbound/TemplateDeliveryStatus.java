package io.feedbackbot.wechat.inbound;

import java.util.Locale;

/**
 * The delivery result of a template message, from the {@code Status} of {@code TEMPLATESENDJOBFINISH}:
 * {@code success}, {@code failed:user block}, {@code failed: system failed} (with that space) and other
 * {@code failed:…} values seen in the wild such as {@code failed:freq limit}.
 */
public enum TemplateDeliveryStatus {
    DELIVERED,
    BLOCKED_BY_USER,
    SYSTEM_FAILED,
    OTHER_FAILURE,
    UNKNOWN;

    /** Maps a wire status, ignoring case and spaces. */
    public static TemplateDeliveryStatus fromWire(String status) {
        if (status == null) {
            return UNKNOWN;
        }
        String s = status.toLowerCase(Locale.ROOT).replace(" ", "");
        if (s.equals("success")) {
            return DELIVERED;
        }
        if (s.equals("failed:userblock")) {
            return BLOCKED_BY_USER;
        }
        if (s.equals("failed:systemfailed")) {
            return SYSTEM_FAILED;
        }
        return s.startsWith("failed") ? OTHER_FAILURE : UNKNOWN;
    }
}
