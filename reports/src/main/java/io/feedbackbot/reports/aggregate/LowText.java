package io.feedbackbot.reports.aggregate;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A free-text answer from a run whose first rating was low (see {@link RunMarker#low()}): the material of the
 * "what detractors say" themes. Copied, with the run's rating, into a capped stream per survey under the id of
 * the answer's own stream entry, so it is copied once and ranges by time like the answers.
 *
 * @param id the answer's stream entry id
 */
public record LowText(String id, String answerId, String questionId, String text, String language,
                      String ratingType, int ratingScore, String complaintCategory, Double complaintProbability,
                      String store, String touchpoint, Instant at) {

    public LowText {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(at, "at");
    }

    /** Stream fields, always the same names in the same order. */
    public Map<String, String> fields() {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("aid", answerId);
        f.put("q", questionId);
        f.put("text", text);
        f.put("lang", nz(language));
        f.put("rt", ratingType);
        f.put("rs", Integer.toString(ratingScore));
        f.put("cc", nz(complaintCategory));
        f.put("cp", complaintProbability == null ? "" : complaintProbability.toString());
        f.put("store", nz(store));
        f.put("tp", nz(touchpoint));
        f.put("at", Long.toString(at.toEpochMilli()));
        return f;
    }

    public static LowText decode(String id, Map<String, String> f) {
        String cp = f.getOrDefault("cp", "");
        return new LowText(id, f.get("aid"), f.get("q"), f.getOrDefault("text", ""), f.get("lang"), f.get("rt"),
                Integer.parseInt(f.getOrDefault("rs", "0")), blank(f.get("cc")), cp.isEmpty() ? null : Double.valueOf(cp),
                blank(f.get("store")), blank(f.get("tp")), Instant.ofEpochMilli(Long.parseLong(f.get("at"))));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String blank(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
