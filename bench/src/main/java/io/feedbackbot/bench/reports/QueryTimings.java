package io.feedbackbot.bench.reports;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** Times the dashboard's report queries over HTTP, as a browser would make them, and prints p50 / p99 / max. */
final class QueryTimings {

    private static final int WARMUP = 30;
    private static final int RUNS = 200;
    private static final String S = "/api/v1/reports/%s?survey=post-delivery-nps&";

    private final String base;
    private final String token;
    private final HttpClient http = HttpClient.newHttpClient();

    QueryTimings(String base, String token) {
        this.base = base;
        this.token = token;
    }

    void run() throws Exception {
        Map<String, String> queries = new LinkedHashMap<>();
        queries.put("NPS by store, one calendar month", q("nps") + "groupBy=store&from=2026-10-01&to=2026-10-31");
        queries.put("NPS by store, last 30 days (weeks + days)", q("nps") + "groupBy=store&from=2026-10-18&to=2026-11-16");
        queries.put("NPS by store, month vs the month before", q("nps")
                + "groupBy=store&from=2026-10-01&to=2026-10-31&compareFrom=2026-09-01&compareTo=2026-09-30");
        queries.put("NPS trend by week over a quarter", q("nps") + "interval=week&from=2026-08-01&to=2026-10-31");
        queries.put("NPS trend by day over 90 days", q("nps") + "interval=day&from=2026-08-18&to=2026-11-15");
        queries.put("NPS by area (3,500 stores regrouped), a quarter", q("nps") + "groupBy=area&from=2026-08-01&to=2026-10-31");
        queries.put("NPS by touchpoint, trend by week, a quarter", q("nps")
                + "groupBy=touchpoint&interval=week&from=2026-08-01&to=2026-10-31");
        queries.put("Worst 5 stores, last 30 days", q("nps") + "groupBy=store&sort=worst&limit=5&from=2026-10-18&to=2026-11-16");
        queries.put("Response rate by store, one month", q("response-rate") + "groupBy=store&from=2026-10-01&to=2026-10-31");
        queries.put("NPS by store, one month, as CSV", q("nps") + "groupBy=store&from=2026-10-01&to=2026-10-31&format=csv");
        queries.put("NPS by store with weekly trend per store, a quarter", q("nps")
                + "groupBy=store&interval=week&from=2026-08-01&to=2026-10-31");
        System.out.printf("## Report queries over HTTP (%d runs each after %d warm-up runs)%n%n", RUNS, WARMUP);
        System.out.println("Round trip as the client saw it, and the server's own time (its Server-Timing header: Redis "
                + "reads, arithmetic, JSON or CSV). Load average before: " + loadAverage() + "\n");
        System.out.println("| query | p50 ms | p99 ms | max ms | server p50 ms | server p99 ms | response KB |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|");
        for (Map.Entry<String, String> q : queries.entrySet()) {
            time(q.getKey(), q.getValue());
        }
        System.out.println("\nLoad average after: " + loadAverage() + "\n");
    }

    private static String q(String metric) {
        return String.format(S, metric);
    }

    private void time(String name, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token)
                .GET().build();
        int size = 0;
        for (int i = 0; i < WARMUP; i++) {
            HttpResponse<byte[]> r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() != 200) {
                throw new IllegalStateException(name + ": " + r.statusCode() + " " + new String(r.body()));
            }
            size = r.body().length;
        }
        double[] ms = new double[RUNS];
        double[] server = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long t = System.nanoTime();
            HttpResponse<byte[]> r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            ms[i] = (System.nanoTime() - t) / 1e6;
            String timing = r.headers().firstValue("Server-Timing").orElse("report;dur=0");
            server[i] = Double.parseDouble(timing.substring(timing.indexOf("dur=") + 4));
        }
        Arrays.sort(ms);
        Arrays.sort(server);
        int p99 = (int) Math.ceil(RUNS * 0.99) - 1;
        System.out.printf("| %s | %.1f | %.1f | %.1f | %.1f | %.1f | %d |%n", name, ms[RUNS / 2], ms[p99], ms[RUNS - 1],
                server[RUNS / 2], server[p99], size / 1024);
    }

    static String loadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }
}
