package io.feedbackbot.config;

import java.util.List;

/**
 * Complaint detection and escalation.
 *
 * @param model       a model file trained with {@code feedbackbot complaints train}; empty for the shipped model
 * @param threshold   complaint probability at or above which free text opens a work order
 * @param urgentWords words that always open an urgent work order
 * @param categories  the complaint categories
 */
public record ComplaintSettings(String model, double threshold, List<String> urgentWords, List<String> categories) {

    public ComplaintSettings {
        urgentWords = List.copyOf(urgentWords);
        categories = List.copyOf(categories);
    }
}
