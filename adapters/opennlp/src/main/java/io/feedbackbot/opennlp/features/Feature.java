package io.feedbackbot.opennlp.features;

/**
 * A named feature of a message and the span of the original text that produced it. Global features (a length
 * bucket, say) have an empty span and are never shown as evidence.
 *
 * @param name  the feature string the model is trained on, for example {@code w=refund} or {@code c=凉了}
 * @param start index of the first char of the evidence in the original text
 * @param end   index after the last char; {@code start == end} for global features
 */
public record Feature(String name, int start, int end) {

    public Feature {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad span " + start + ".." + end + " for " + name);
        }
    }

    static Feature global(String name) {
        return new Feature(name, 0, 0);
    }

    public boolean hasSpan() {
        return end > start;
    }
}
