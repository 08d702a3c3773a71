package io.feedbackbot.reports.aggregate;

/**
 * What the aggregation remembers about a survey run once it has an answer: that it responded (so it is counted
 * once), and the type and score of its first rating, which decides whether its free text is a low-score
 * ("detractor") comment. Kept in Redis per invitation for a week, encoded as {@code -} or {@code nps:3}.
 *
 * @param ratingType null until the run's first rating arrives
 */
public record RunMarker(String ratingType, int ratingScore) {

    /** A run that answered, with no rating yet. */
    public static final RunMarker RESPONDED = new RunMarker(null, 0);

    public String encode() {
        return ratingType == null ? "-" : ratingType + ":" + ratingScore;
    }

    /** The marker stored as {@code text}; null for null (no marker). */
    public static RunMarker decode(String text) {
        if (text == null) {
            return null;
        }
        int colon = text.indexOf(':');
        if (colon < 0) {
            return RESPONDED;
        }
        try {
            return new RunMarker(text.substring(0, colon), Integer.parseInt(text.substring(colon + 1)));
        } catch (NumberFormatException e) {
            return RESPONDED;
        }
    }

    /**
     * Whether the run's first rating is outside the good boxes: an NPS detractor (0–6), CSAT 1–3, CES 1–4 (the
     * complements of promoters, the top two boxes and the top three boxes).
     */
    public boolean low() {
        if (ratingType == null) {
            return false;
        }
        return switch (ratingType) {
            case "nps" -> ratingScore <= 6;
            case "csat" -> ratingScore <= 3;
            case "ces" -> ratingScore <= 4;
            default -> false;
        };
    }
}
