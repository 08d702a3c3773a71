package io.feedbackbot.server.campaign.audience;

import java.util.List;
import java.util.Map;

/**
 * What an audience import did, kept with the campaign and returned by the API: how the file was read, how many rows
 * were imported and rejected (by reason), the first rejected rows with their line numbers, the time zones found
 * (a recipient's group is its zone's index here) and the attribute columns.
 *
 * @param state   {@code importing}, {@code complete} or {@code failed}
 * @param failure why the import stopped, when it failed (the rows before were kept)
 */
public record ImportReport(String state, String encoding, long rows, long imported, long rejected,
                           Map<String, Long> rejectedByReason, List<RowProblem> errors, List<String> zones,
                           List<String> attributes, String failure) {

    /** How many rejected rows are listed one by one. */
    public static final int LISTED_ERRORS = 100;

    public ImportReport {
        rejectedByReason = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(rejectedByReason));
        errors = List.copyOf(errors);
        zones = List.copyOf(zones);
        attributes = List.copyOf(attributes);
    }

    public boolean complete() {
        return state.equals("complete");
    }
}
