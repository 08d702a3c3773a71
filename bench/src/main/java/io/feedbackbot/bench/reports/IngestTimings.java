package io.feedbackbot.bench.reports;

import io.feedbackbot.core.answer.AnswerRecord;
import io.feedbackbot.redis.RedisKeys;
import io.feedbackbot.redis.answer.AnswerStreamCodec;
import io.feedbackbot.reports.aggregate.Stored;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.XAddParams;

/**
 * How fast the running server's aggregator counts stored answers (a burst appended to a survey stream at once),
 * and how long a single new answer takes to show in a report (stored → counted → visible through the API).
 */
final class IngestTimings {

    private static final String SURVEY = "post-service-csat";
    private final UnifiedJedis redis;
    private final RedisKeys keys;
    private final String base;
    private final String token;
    private final HttpClient http = HttpClient.newHttpClient();

    IngestTimings(UnifiedJedis redis, RedisKeys keys, String base, String token) {
        this.redis = redis;
        this.keys = keys;
        this.base = base;
        this.token = token;
    }

    void run() throws Exception {
        int burst = 200_000;
        SyntheticRuns runs = new SyntheticRuns(7, Instant.now().minus(Duration.ofDays(1)), Duration.ofDays(1));
        long t0 = System.nanoTime();
        int written = 0;
        while (written < burst) {
            List<Stored<AnswerRecord>> answers = runs.next(5_000, burst).answers();
            try (AbstractPipeline pipeline = redis.pipelined()) {
                for (Stored<AnswerRecord> a : answers) {
                    pipeline.xadd(keys.survey(SURVEY, "answers"), XAddParams.xAddParams().id(StreamEntryID.NEW_ENTRY),
                            fields(a.value()));
                }
                pipeline.sync();
            }
            written += answers.size();
        }
        long t1 = System.nanoTime();
        while (redis.get(keys.survey(SURVEY, "agg:cursor:answers")) == null
                || !redis.get(keys.survey(SURVEY, "agg:cursor:answers")).equals(
                redis.xrevrange(keys.survey(SURVEY, "answers"), "+", "-", 1).get(0).getID().toString())) {
            Thread.sleep(20);
        }
        long t2 = System.nanoTime();
        System.out.printf("## Counting as answers arrive%n%n- a burst of %,d stored answers was appended in %.1f s and "
                + "counted by the running server's aggregator %.1f s after the last one was stored: %,.0f answers/s "
                + "(the seed case averages 0.6 answers/s, 1.5 million a month)%n", written, (t1 - t0) / 1e9,
                (t2 - t1) / 1e9, written / ((t2 - t0) / 1e9));
        visibility();
    }

    /** One answer at a time: stored, then polled for in the report until it shows. */
    private void visibility() throws Exception {
        int samples = 40;
        double[] ms = new double[samples];
        for (int i = 0; i < samples; i++) {
            long before = total();
            long t = System.nanoTime();
            String body = "{\"from\":\"bench-live-" + i + "-" + System.nanoTime() + "\",\"messageId\":\"m1\",\"text\":\"hi\"}";
            post("/webhooks/webchat/demo", body);
            post("/webhooks/webchat/demo", body.replace("\"m1\",\"text\":\"hi\"", "\"m2\",\"text\":\"9\""));
            for (int wait = 0; total() <= before; wait++) {
                if (wait > 2_000) {
                    throw new IllegalStateException("a new answer did not show in the report within 10 s");
                }
                Thread.sleep(5);
            }
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        System.out.printf("- a new web chat answer (two webhook calls: hello, then the score) shows in the NPS report "
                + "after p50 %.0f ms, p95 %.0f ms, max %.0f ms (%d samples; the aggregator polls every 250 ms)%n%n",
                ms[samples / 2], ms[(int) Math.ceil(samples * 0.95) - 1], ms[samples - 1], samples);
    }

    private long total() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base
                + "/api/v1/reports/nps?survey=post-delivery-nps&groupBy=channel")).header("Authorization", "Bearer " + token)
                .build(), HttpResponse.BodyHandlers.ofString());
        String body = r.body();
        int at = body.indexOf("\"key\":\"webchat\"");
        if (at < 0) {
            return 0;
        }
        int n = body.indexOf("\"n\":", at) + 4;
        return Long.parseLong(body.substring(n, body.indexOf(',', n)));
    }

    private void post(String path, String json) throws Exception {
        http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.discarding());
    }

    private static Map<String, String> fields(AnswerRecord a) {
        List<String> f = AnswerStreamCodec.fields(new AnswerRecord(a.answerId(), SURVEY, a.invitationId(), a.campaignId(),
                "satisfaction", "csat", "1-5", "4", 4, a.status(), "4", a.language(), a.key(), a.context(), a.askedAt(),
                a.answeredAt(), null, null));
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < f.size(); i += 2) {
            out.put(f.get(i), f.get(i + 1));
        }
        return out;
    }
}
