package io.feedbackbot.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The server's heap during one load run, from {@code jstat -gc} samples taken every second: the most heap in use
 * (survivors + eden + old), and the collections the run caused (count and time, young and full).
 */
record Heap(long maxUsedKb, long youngCount, double youngSeconds, long fullCount, double fullSeconds) {

    static Heap read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        List<String> lines = Files.readAllLines(file);
        if (lines.size() < 2) {
            return null;
        }
        List<String> header = List.of(lines.get(0).trim().split("\\s+"));
        long max = 0;
        double[] first = null;
        double[] last = null;
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.trim().split("\\s+");
            if (f.length != header.size() || f[0].equals(header.get(0))) {
                continue;
            }
            double[] v = new double[f.length];
            for (int i = 0; i < f.length; i++) {
                v[i] = f[i].equals("-") ? 0 : Double.parseDouble(f[i]);
            }
            long used = (long) (v[header.indexOf("S0U")] + v[header.indexOf("S1U")] + v[header.indexOf("EU")]
                    + v[header.indexOf("OU")]);
            max = Math.max(max, used);
            if (first == null) {
                first = v;
            }
            last = v;
        }
        if (first == null) {
            return null;
        }
        int ygc = header.indexOf("YGC");
        int ygct = header.indexOf("YGCT");
        int fgc = header.indexOf("FGC");
        int fgct = header.indexOf("FGCT");
        return new Heap(max, (long) (last[ygc] - first[ygc]), last[ygct] - first[ygct],
                (long) (last[fgc] - first[fgc]), last[fgct] - first[fgct]);
    }

    long maxUsedMb() {
        return maxUsedKb / 1024;
    }

    String gc() {
        return String.format(Locale.ROOT, "%d young (%.2f s), %d full (%.2f s)", youngCount, youngSeconds, fullCount,
                fullSeconds);
    }
}
