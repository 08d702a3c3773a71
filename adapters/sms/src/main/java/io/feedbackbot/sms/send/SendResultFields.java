package io.feedbackbot.sms.send;

import io.feedbackbot.sms.rest.SendResult;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Flattens a {@link SendResult} into string fields and back, for a journal stored as a hash (one Redis HSET). The
 * {@link #KIND} field alone says whether a new send is allowed ({@link #NOT_SENT}), so an atomic script can decide
 * without parsing anything else. Invariant: {@code fromFields(toFields(r)).equals(r)}.
 */
public final class SendResultFields {

    public static final String KIND = "kind";
    public static final String ACCEPTED = "accepted";
    public static final String REJECTED = "rejected";
    public static final String NOT_SENT = "not_sent";
    public static final String UNKNOWN = "unknown";

    private SendResultFields() {
    }

    public static Map<String, String> toFields(SendResult result) {
        Map<String, String> f = new LinkedHashMap<>();
        if (result instanceof SendResult.Accepted a) {
            f.put(KIND, ACCEPTED);
            f.put("sid", a.sid());
            f.put("status", a.status());
            f.put("segments", Integer.toString(a.segments()));
        } else if (result instanceof SendResult.Rejected r) {
            f.put(KIND, REJECTED);
            f.put("httpStatus", Integer.toString(r.httpStatus()));
            f.put("errorCode", Integer.toString(r.errorCode()));
            f.put("message", r.message());
        } else if (result instanceof SendResult.NotSent n) {
            f.put(KIND, NOT_SENT);
            f.put("reason", n.reason());
        } else if (result instanceof SendResult.Unknown u) {
            f.put(KIND, UNKNOWN);
            f.put("reason", u.reason());
        }
        return f;
    }

    /** @throws IllegalArgumentException when the fields are not a stored result (names the missing field) */
    public static SendResult fromFields(Map<String, String> f) {
        String kind = require(f, KIND);
        return switch (kind) {
            case ACCEPTED -> new SendResult.Accepted(require(f, "sid"), require(f, "status"),
                    Integer.parseInt(require(f, "segments")));
            case REJECTED -> new SendResult.Rejected(Integer.parseInt(require(f, "httpStatus")),
                    Integer.parseInt(require(f, "errorCode")), require(f, "message"));
            case NOT_SENT -> new SendResult.NotSent(require(f, "reason"));
            case UNKNOWN -> new SendResult.Unknown(require(f, "reason"));
            default -> throw new IllegalArgumentException("unknown send result kind '" + kind + "'");
        };
    }

    private static String require(Map<String, String> f, String name) {
        String value = f.get(name);
        if (value == null) {
            throw new IllegalArgumentException("stored send result has no '" + name + "' field");
        }
        return value;
    }
}
