package io.feedbackbot.server.campaign.audience;

import io.feedbackbot.core.conversation.Language;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Checks one audience row against its columns and turns it into a {@link Recipient}, or says why not: missing or
 * over-long id, wrong number of fields, missing or invalid address (the channel decides what is valid: an SMS
 * number must be a real number), unknown language or time zone, characters the file's encoding could not read.
 * Attribute values keep their text, with control characters turned into spaces. Thread-safe: rows of a chunk are
 * checked in parallel.
 */
public final class AudienceRows {

    /** Longest recipient id: it becomes part of the invitation id (at most 128 characters). */
    static final int MAX_ID = 100;

    /** What came of a row. */
    public sealed interface Checked {
        record Good(Recipient recipient) implements Checked {
        }

        record Bad(RowProblem problem) implements Checked {
        }
    }

    private final AudienceColumns columns;
    private final UnaryOperator<String> customerId;
    private final ZoneId defaultZone;
    private final Map<String, ZoneId> zones = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * @param customerId the channel's normalisation of an address; throws IllegalArgumentException with a reason
     */
    public AudienceRows(AudienceColumns columns, UnaryOperator<String> customerId, ZoneId defaultZone) {
        this.columns = columns;
        this.customerId = customerId;
        this.defaultZone = defaultZone;
    }

    public Checked check(List<String> fields, long line) {
        String id = fields.size() > columns.id() ? fields.get(columns.id()).strip() : "";
        if (fields.size() != columns.width()) {
            return bad(line, id, "wrong_field_count", "has " + fields.size() + " fields, the header has "
                    + columns.width());
        }
        for (String f : fields) {
            if (f.indexOf('\uFFFD') >= 0) {
                return bad(line, id, "bad_encoding", "holds characters that could not be read (is the file in one "
                        + "encoding?)");
            }
        }
        if (id.isEmpty()) {
            return bad(line, "", "missing_id", "has no id");
        }
        if (id.length() > MAX_ID || id.chars().anyMatch(Character::isISOControl)) {
            return bad(line, id.substring(0, Math.min(id.length(), 20)), "invalid_id",
                    "has an id longer than " + MAX_ID + " characters or with control characters");
        }
        String raw = fields.get(columns.address()).strip();
        String addressReason = columns.addressName().equals("phone") ? "invalid_number" : "invalid_customer";
        if (raw.isEmpty()) {
            return bad(line, id, "missing_" + columns.addressName(), "has no " + columns.addressName());
        }
        String customer;
        try {
            customer = customerId.apply(raw);
        } catch (IllegalArgumentException e) {
            return bad(line, id, addressReason, e.getMessage());
        }
        String language = null;
        if (columns.language() >= 0 && !fields.get(columns.language()).isBlank()) {
            String tag = fields.get(columns.language()).strip();
            language = Language.fromTag(tag).map(Language::tag).orElse(null);
            if (language == null) {
                return bad(line, id, "unknown_language", "has language '" + tag + "' (zh-CN or en)");
            }
        }
        ZoneId zone = defaultZone;
        if (columns.timezone() >= 0 && !fields.get(columns.timezone()).isBlank()) {
            String name = fields.get(columns.timezone()).strip();
            zone = zone(name);
            if (zone == null) {
                return bad(line, id, "unknown_time_zone", "has time zone '" + name
                        + "' (an IANA name such as Asia/Shanghai)");
            }
        }
        List<String> values = new ArrayList<>(columns.attributeIndexes().size());
        for (int index : columns.attributeIndexes()) {
            values.add(clean(fields.get(index)));
        }
        return new Checked.Good(new Recipient(id, customer, language, zone, values));
    }

    private ZoneId zone(String name) {
        ZoneId known = zones.get(name);
        if (known != null) {
            return known;
        }
        try {
            ZoneId zone = ZoneId.of(name);
            zones.put(name, zone);
            return zone;
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static String clean(String value) {
        StringBuilder out = null;
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                if (out == null) {
                    out = new StringBuilder(value);
                }
                out.setCharAt(i, ' ');
            }
        }
        return out == null ? value.strip() : out.toString().strip();
    }

    private static Checked bad(long line, String id, String reason, String message) {
        return new Checked.Bad(new RowProblem(line, id, reason, "line " + line + " " + message));
    }
}
