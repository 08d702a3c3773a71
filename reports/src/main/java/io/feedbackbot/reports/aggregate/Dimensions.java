package io.feedbackbot.reports.aggregate;

import io.feedbackbot.core.conversation.ConversationKey;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The dimensions answers are counted by as they arrive: {@code all}, {@code channel}, {@code campaign}, the
 * invitation attributes {@code store}, {@code touchpoint} and {@code agent} (set by the follow-up survey), and the
 * extra invitation attributes named in {@code reports.attributes}. A missing value counts under the empty
 * value, so the groups of any dimension always add up to the total. Other attributes are reported by scanning
 * the stored answers instead.
 */
public final class Dimensions {

    public static final String ALL = "all";
    public static final String CHANNEL = "channel";
    public static final String CAMPAIGN = "campaign";
    public static final List<String> BUILT_IN_ATTRIBUTES = List.of("store", "touchpoint", "agent");
    /** Longer values are cut, so a runaway attribute cannot bloat every counter key. */
    static final int MAX_VALUE_LENGTH = 120;

    private final List<String> attributes;

    /** @param extraAttributes invitation context keys to count besides the built-in ones */
    public Dimensions(List<String> extraAttributes) {
        Set<String> all = new LinkedHashSet<>(BUILT_IN_ATTRIBUTES);
        for (String a : extraAttributes) {
            if (!a.matches("[A-Za-z0-9_.-]{1,40}") || a.equals(ALL) || a.equals(CHANNEL) || a.equals(CAMPAIGN)
                    || a.equals("area")) {
                throw new IllegalArgumentException("'" + a + "' cannot be a report attribute (letters, digits, "
                        + "_ . - only; not all, channel, campaign or area)");
            }
            all.add(a);
        }
        this.attributes = List.copyOf(all);
    }

    /** Every dimension name, {@code all} first. */
    public List<String> names() {
        List<String> names = new ArrayList<>(List.of(ALL, CHANNEL, CAMPAIGN));
        names.addAll(attributes);
        return Collections.unmodifiableList(names);
    }

    public boolean counted(String dimension) {
        return names().contains(dimension);
    }

    /** The value of every dimension for an answer or milestone with this conversation, campaign and context. */
    public Map<String, String> values(ConversationKey key, String campaignId, Map<String, String> context) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put(ALL, ALL);
        out.put(CHANNEL, key.channel());
        out.put(CAMPAIGN, clean(campaignId));
        for (String a : attributes) {
            out.put(a, clean(context.get(a)));
        }
        return out;
    }

    private static String clean(String value) {
        if (value == null) {
            return "";
        }
        String v = value.strip();
        return v.length() > MAX_VALUE_LENGTH ? v.substring(0, MAX_VALUE_LENGTH) : v;
    }
}
