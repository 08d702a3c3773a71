package io.feedbackbot.redis.campaign;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One recipient as a campaign stores it, compactly: id, sequence number, customer id, language and the attribute
 * values in the campaign's column order, separated by the ASCII unit separator. A million of them take tens of
 * megabytes in Redis lists.
 *
 * <p>Invariant: no field contains the unit separator (U+001F) or the record separator (U+001E); {@link #encode}
 * refuses them, and imports replace control characters in values.
 *
 * @param id       the recipient id from the audience file
 * @param seq      the recipient's number within the campaign (0, 1, 2…): its bit in the campaign's bitmaps
 * @param customer the channel's customer id (E.164 number, openid, web chat id)
 * @param language the language tag, or empty for none
 * @param values   attribute values, in the order of the campaign's attribute columns
 */
public record RecipientRecord(String id, long seq, String customer, String language, List<String> values) {

    static final char UNIT = '\u001f';

    public RecipientRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(customer, "customer");
        language = language == null ? "" : language;
        values = List.copyOf(values);
    }

    public String encode() {
        StringBuilder out = new StringBuilder(64);
        append(out, id).append(UNIT).append(seq).append(UNIT);
        append(out, customer).append(UNIT);
        append(out, language);
        for (String value : values) {
            append(out.append(UNIT), value == null ? "" : value);
        }
        return out.toString();
    }

    public static RecipientRecord decode(String encoded) {
        List<String> fields = new ArrayList<>(8);
        int start = 0;
        for (int i = 0; i <= encoded.length(); i++) {
            if (i == encoded.length() || encoded.charAt(i) == UNIT) {
                fields.add(encoded.substring(start, i));
                start = i + 1;
            }
        }
        if (fields.size() < 4) {
            throw new IllegalArgumentException("not a recipient record: " + fields.size() + " fields");
        }
        return new RecipientRecord(fields.get(0), Long.parseLong(fields.get(1)), fields.get(2), fields.get(3),
                fields.subList(4, fields.size()));
    }

    private static StringBuilder append(StringBuilder out, String field) {
        if (field.indexOf(UNIT) >= 0 || field.indexOf('\u001e') >= 0) {
            throw new IllegalArgumentException("a recipient field holds a separator character");
        }
        return out.append(field);
    }
}
