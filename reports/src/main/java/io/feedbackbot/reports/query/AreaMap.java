package io.feedbackbot.reports.query;

import java.util.Map;

/**
 * The organisation's store → area mapping, applied when a report is asked for by area (stores are counted, areas
 * are not, so a store moved to another area moves its whole history). Unknown stores belong to the empty area.
 */
@FunctionalInterface
public interface AreaMap {

    /** No areas configured: every store is in the empty area. */
    AreaMap NONE = store -> "";

    /** The area of {@code store}, or "" when it has none. */
    String areaOf(String store);

    static AreaMap of(Map<String, String> storeToArea) {
        Map<String, String> copy = Map.copyOf(storeToArea);
        return store -> copy.getOrDefault(store, "");
    }
}
