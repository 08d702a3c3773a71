package io.feedbackbot.opennlp.features;

import java.util.Properties;

/**
 * Which feature families the extractor emits. Chosen by cross-validation and recorded in every saved model, so a
 * model is always scored with the features it was trained with. Immutable.
 *
 * @param wordBigrams   English word bigrams besides unigrams
 * @param startMarker   a bigram of the first word with the start of the message ({@code b=<s>_why})
 * @param hanMaxN       longest Han character n-gram (1 to 3)
 * @param negation      words in the scope of a negator get a {@code n=} feature
 * @param intensifiers  the word after an intensifier gets an {@code i=} feature
 * @param marks         runs of {@code !} and {@code ?}, ellipses
 * @param emoji         emoji and emoticons, and their polarity from the lexicons
 * @param lexicons      hits of the complaint, praise and category lexicons
 * @param caps          English words in capitals (shouting)
 * @param lengthBucket  a coarse message length
 * @param binary        each feature counts once per message, however often it occurs
 */
public record FeatureSettings(boolean wordBigrams, boolean startMarker, int hanMaxN, boolean negation,
                              boolean intensifiers, boolean marks, boolean emoji, boolean lexicons, boolean caps,
                              boolean lengthBucket, boolean binary) {

    /** Every family on: the pipeline default. The shipped model drops the length bucket (TrainingSettings.SHIPPED). */
    public static final FeatureSettings DEFAULT = new FeatureSettings(true, true, 2, true, true, true, true, true, true, true, true);

    /** Plain n-grams only: the calibration baseline. */
    public static final FeatureSettings NGRAMS_ONLY = new FeatureSettings(true, false, 2, false, false, false, false, false,
            false, false, false);

    public FeatureSettings {
        if (hanMaxN < 1 || hanMaxN > 3) {
            throw new IllegalArgumentException("hanMaxN must be 1, 2 or 3: " + hanMaxN);
        }
    }

    /** These settings with one family changed, by the name of its record component; for feature selection. */
    public FeatureSettings with(String family, Object value) {
        Properties p = toProperties();
        p.setProperty("features." + family, value.toString());
        return fromProperties(p);
    }

    public Properties toProperties() {
        Properties p = new Properties();
        p.setProperty("features.wordBigrams", Boolean.toString(wordBigrams));
        p.setProperty("features.startMarker", Boolean.toString(startMarker));
        p.setProperty("features.hanMaxN", Integer.toString(hanMaxN));
        p.setProperty("features.negation", Boolean.toString(negation));
        p.setProperty("features.intensifiers", Boolean.toString(intensifiers));
        p.setProperty("features.marks", Boolean.toString(marks));
        p.setProperty("features.emoji", Boolean.toString(emoji));
        p.setProperty("features.lexicons", Boolean.toString(lexicons));
        p.setProperty("features.caps", Boolean.toString(caps));
        p.setProperty("features.lengthBucket", Boolean.toString(lengthBucket));
        p.setProperty("features.binary", Boolean.toString(binary));
        return p;
    }

    /** Reads what {@link #toProperties} wrote; a missing key is an error, not a silent default. */
    public static FeatureSettings fromProperties(Properties p) {
        return new FeatureSettings(flag(p, "wordBigrams"), flag(p, "startMarker"),
                Integer.parseInt(required(p, "hanMaxN")), flag(p, "negation"), flag(p, "intensifiers"), flag(p, "marks"),
                flag(p, "emoji"), flag(p, "lexicons"), flag(p, "caps"), flag(p, "lengthBucket"), flag(p, "binary"));
    }

    private static boolean flag(Properties p, String key) {
        return Boolean.parseBoolean(required(p, key));
    }

    private static String required(Properties p, String key) {
        String v = p.getProperty("features." + key);
        if (v == null) {
            throw new IllegalArgumentException("model settings lack features." + key);
        }
        return v;
    }
}
