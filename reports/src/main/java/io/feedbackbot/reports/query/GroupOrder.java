package io.feedbackbot.reports.query;

import java.util.Arrays;
import java.util.Optional;

/**
 * How a breakdown is sorted. Worst and best rank by the metric's value; groups flagged "too few answers" always
 * come after those that are not, because a store with three answers must not top a "worst stores" list.
 */
public enum GroupOrder {
    COUNT("count"),
    WORST("worst"),
    BEST("best"),
    NAME("name");

    private final String id;

    GroupOrder(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Optional<GroupOrder> fromId(String id) {
        return Arrays.stream(values()).filter(o -> o.id.equals(id)).findFirst();
    }
}
