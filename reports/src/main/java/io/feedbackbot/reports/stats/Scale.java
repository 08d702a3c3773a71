package io.feedbackbot.reports.stats;

/**
 * A rating scale of whole numbers {@code min..max} ({@code 0-10}, {@code 1-5}, {@code 1-7}); counts over it are
 * kept as an array indexed by {@code score - min}. Invariant: {@code 0 <= min < max}.
 */
public record Scale(int min, int max) {

    public static final Scale NPS = new Scale(0, 10);
    public static final Scale CSAT = new Scale(1, 5);
    public static final Scale CES = new Scale(1, 7);

    public Scale {
        if (min < 0 || max <= min || max > 100) {
            throw new IllegalArgumentException("not a rating scale: " + min + "-" + max);
        }
    }

    /** Parses {@code "0-10"}. */
    public static Scale parse(String text) {
        int dash = text == null ? -1 : text.indexOf('-');
        if (dash <= 0) {
            throw new IllegalArgumentException("not a rating scale: " + text);
        }
        try {
            return new Scale(Integer.parseInt(text.substring(0, dash).trim()),
                    Integer.parseInt(text.substring(dash + 1).trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a rating scale: " + text, e);
        }
    }

    public int width() {
        return max - min + 1;
    }

    public boolean contains(int score) {
        return score >= min && score <= max;
    }

    public int index(int score) {
        if (!contains(score)) {
            throw new IllegalArgumentException(score + " is outside " + this);
        }
        return score - min;
    }

    @Override
    public String toString() {
        return min + "-" + max;
    }
}
