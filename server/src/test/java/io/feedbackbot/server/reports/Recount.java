package io.feedbackbot.server.reports;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The test's own arithmetic over raw answers, written from the definitions (protocols.md §4 and the README)
 * without the production code: counts, NPS, top-box shares, means, and their 95 % intervals.
 */
final class Recount {

    private Recount() {
    }

    /** Scores of answered rating questions of one type, grouped. */
    static Map<String, List<Integer>> scores(JsonNode responses, String questionType, Function<JsonNode, String> group) {
        Map<String, List<Integer>> out = new TreeMap<>();
        for (JsonNode a : responses) {
            if (a.path("questionType").asText().equals(questionType) && a.path("status").asText().equals("answered")) {
                out.computeIfAbsent(group.apply(a), g -> new ArrayList<>()).add(a.path("score").asInt());
            }
        }
        return out;
    }

    static List<Integer> all(Map<String, List<Integer>> groups) {
        List<Integer> out = new ArrayList<>();
        groups.values().forEach(out::addAll);
        return out;
    }

    /** {value, low, high} of NPS. */
    static double[] nps(List<Integer> scores) {
        double n = scores.size();
        double p = scores.stream().filter(s -> s >= 9).count() / n;
        double d = scores.stream().filter(s -> s <= 6).count() / n;
        double value = 100 * (p - d);
        double half = 100 * 1.96 * Math.sqrt((p + d - (p - d) * (p - d)) / n);
        return new double[] {value, Math.max(-100, value - half), Math.min(100, value + half)};
    }

    /** {value, low, high} in percent of the share of scores at or above {@code min}, Wilson interval. */
    static double[] share(List<Integer> scores, int min) {
        return wilson(scores.stream().filter(s -> s >= min).count(), scores.size());
    }

    static double[] wilson(long k, long n) {
        double z = 1.96;
        double p = (double) k / n;
        double centre = (p + z * z / (2 * n)) / (1 + z * z / n);
        double half = z * Math.sqrt(p * (1 - p) / n + z * z / (4.0 * n * n)) / (1 + z * z / n);
        return new double[] {100 * p, Math.max(0, 100 * (centre - half)), Math.min(100, 100 * (centre + half))};
    }

    /** {mean, low, high}, interval from the sample standard deviation, kept within [min, max]. */
    static double[] mean(List<Integer> scores, int min, int max) {
        double n = scores.size();
        double mean = scores.stream().mapToInt(Integer::intValue).sum() / n;
        double ss = scores.stream().mapToDouble(s -> (s - mean) * (s - mean)).sum();
        double half = 1.96 * Math.sqrt(ss / (n - 1)) / Math.sqrt(n);
        return new double[] {mean, Math.max(min, mean - half), Math.min(max, mean + half)};
    }

    static int[] histogram(List<Integer> scores, int min, int max) {
        int[] out = new int[max - min + 1];
        scores.forEach(s -> out[s - min]++);
        return out;
    }
}
