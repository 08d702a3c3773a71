package io.feedbackbot.dialogs.escalation;

import io.feedbackbot.core.classify.ComplaintAssessment;
import io.feedbackbot.dialogs.survey.Step;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Decides when a conversation needs a person: a detractor score (per question), a complaint whose probability
 * passes the threshold, or words of anger or urgency (退款, 投诉, 12315, refund, lawyer…). Pure: the complaint
 * assessment is computed before and passed in.
 *
 * @param complaintThreshold complaint probability at or above which free text opens a work order
 * @param urgentWords        words that open an urgent work order whatever the probability; Latin words match whole
 *                           words, case-insensitively, others match anywhere in the text
 */
public record EscalationPolicy(double complaintThreshold, List<String> urgentWords) {

    public EscalationPolicy {
        if (!(complaintThreshold > 0 && complaintThreshold <= 1)) {
            throw new IllegalArgumentException("complaintThreshold must be in (0, 1]");
        }
        urgentWords = List.copyOf(urgentWords);
    }

    public static EscalationPolicy defaults() {
        return new EscalationPolicy(0.7, List.of("退款", "投诉", "12315", "曝光", "举报", "律师", "起诉", "报警", "消协",
                "骗子", "refund", "lawyer", "sue", "worst", "scam", "fraud", "chargeback", "unacceptable",
                "report you"));
    }

    /** For a score on {@code step}: a detractor when the step declares a threshold and the score is at or below. */
    public Optional<Escalation> forScore(Step step, int score) {
        Integer threshold = step.escalateAtOrBelow();
        if (threshold == null || score > threshold) {
            return Optional.empty();
        }
        String priority = score <= threshold / 2 ? "high" : "normal";
        return Optional.of(new Escalation("detractor", priority,
                Map.of("question", step.id(), "score", Integer.toString(score))));
    }

    /** For customer text: urgent words first, then the classifier's probability. */
    public Optional<Escalation> forText(String text, ComplaintAssessment complaint) {
        List<String> urgent = urgentWordsIn(text);
        boolean complained = complaint.probability() >= complaintThreshold;
        if (urgent.isEmpty() && !complained) {
            return Optional.empty();
        }
        Map<String, String> evidence = new LinkedHashMap<>();
        evidence.put("text", text);
        evidence.put("probability", String.format(Locale.ROOT, "%.2f", complaint.probability()));
        evidence.put("category", complaint.category());
        List<String> phrases = new ArrayList<>(urgent);
        complaint.evidence().stream().filter(p -> !phrases.contains(p)).forEach(phrases::add);
        if (!phrases.isEmpty()) {
            evidence.put("phrases", String.join(" | ", phrases));
        }
        if (!urgent.isEmpty()) {
            return Optional.of(new Escalation("urgent_words", "urgent", evidence));
        }
        return Optional.of(new Escalation("complaint", "high", evidence));
    }

    List<String> urgentWordsIn(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        List<String> found = new ArrayList<>();
        for (String word : urgentWords) {
            String w = word.toLowerCase(Locale.ROOT);
            if (isLatin(w) ? containsWord(lower, w) : lower.contains(w)) {
                found.add(word);
            }
        }
        return found;
    }

    private static boolean isLatin(String word) {
        return word.chars().allMatch(c -> c < 0x80);
    }

    private static boolean containsWord(String text, String word) {
        int from = 0;
        while (true) {
            int i = text.indexOf(word, from);
            if (i < 0) {
                return false;
            }
            int end = i + word.length();
            boolean startOk = i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1));
            boolean endOk = end == text.length() || !Character.isLetterOrDigit(text.charAt(end));
            if (startOk && endOk) {
                return true;
            }
            from = i + 1;
        }
    }
}
