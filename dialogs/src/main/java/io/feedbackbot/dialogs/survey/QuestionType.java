package io.feedbackbot.dialogs.survey;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of questions a survey can ask, with the rating scale of the scored ones. */
public enum QuestionType {
    /** Net Promoter Score: 0–10, likelihood to recommend. */
    NPS("nps", 0, 10),
    /** Customer satisfaction: 1–5. */
    CSAT("csat", 1, 5),
    /** Customer Effort Score, CES 2.0 wording: 1–7, "made it easy", strongly disagree to strongly agree. */
    CES("ces", 1, 7),
    /** One of numbered options, answered by number or by label. */
    CHOICE("choice", 0, 0),
    /** Free text. */
    TEXT("text", 0, 0),
    /** Yes or no. */
    YES_NO("yes_no", 0, 0);

    private final String id;
    private final int min;
    private final int max;

    QuestionType(String id, int min, int max) {
        this.id = id;
        this.min = min;
        this.max = max;
    }

    /** The name used in survey files and stored answers. */
    public String id() {
        return id;
    }

    public boolean scored() {
        return max > 0;
    }

    public int min() {
        return min;
    }

    public int max() {
        return max;
    }

    /** {@code 0-10}, {@code 1-5} or {@code 1-7} for scored types, else null. */
    public String scale() {
        return scored() ? min + "-" + max : null;
    }

    public static Optional<QuestionType> fromId(String id) {
        return Arrays.stream(values()).filter(t -> t.id.equals(id)).findFirst();
    }
}
