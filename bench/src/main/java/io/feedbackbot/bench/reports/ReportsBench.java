package io.feedbackbot.bench.reports;

import io.feedbackbot.config.FeedbackbotSettings;
import io.feedbackbot.config.SettingsLoader;
import io.feedbackbot.redis.RedisConnections;
import io.feedbackbot.redis.RedisKeys;
import io.feedbackbot.redis.embedded.EmbeddedRedis;
import io.feedbackbot.reports.aggregate.AggregationPlanner;
import io.feedbackbot.reports.aggregate.Dimensions;
import io.feedbackbot.reports.time.ReportingCalendar;
import io.feedbackbot.server.app.Application;
import io.feedbackbot.server.reports.ReportKeys;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.UnifiedJedis;

/**
 * Report latency over the seed case: loads 10 million answers' worth of counters (3,500 stores, ~6.5 months at
 * 1.5 million answers a month) into Redis, starts the real server on them, and times the dashboard's report
 * queries over HTTP; then times the aggregator counting freshly stored answers, and how long a new web chat
 * answer takes to show in a report. Prints Markdown for bench/REPORTS.md.
 *
 * <p>{@code java -Xmx3g -cp … io.feedbackbot.bench.reports.ReportsBench [answers]}; uses
 * {@code FEEDBACKBOT_REDIS_URL} when set, else an embedded Redis.
 */
public final class ReportsBench {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final Instant START = Instant.parse("2026-04-30T16:00:00Z");

    private ReportsBench() {
    }

    public static void main(String[] args) throws Exception {
        long answers = args.length > 0 ? Long.parseLong(args[0]) : 10_000_000L;
        Path dir = Files.createTempDirectory("feedbackbot-bench");
        String url = System.getenv("FEEDBACKBOT_REDIS_URL");
        EmbeddedRedis embedded = null;
        if (url == null || url.isBlank()) {
            embedded = EmbeddedRedis.start(dir.resolve("redis"), 0, EmbeddedRedis.Persistence.NONE);
            url = embedded.url();
        }
        String prefix = "bench" + Long.toString(System.nanoTime(), 36) + ":";
        try (UnifiedJedis redis = RedisConnections.open(url, 8)) {
            long memoryBefore = usedMemory(redis);
            ReportingCalendar calendar = new ReportingCalendar(ZONE);
            AggregationPlanner planner = new AggregationPlanner(calendar, new Dimensions(List.of()), 0.7);
            long runs = Math.round(answers / 0.8);
            SyntheticRuns.Batch sample = new SyntheticRuns(42, START, Duration.ofDays(200)).next(20_000, runs);
            FastCounters sampled = new FastCounters(calendar, calendar.day(START), 202);
            sampled.add(sample);
            CounterLoader.check(CounterLoader.planned(planner, sample), sampled);

            long t0 = System.nanoTime();
            SyntheticRuns generator = new SyntheticRuns(42, START, Duration.ofDays(200));
            FastCounters fast = new FastCounters(calendar, calendar.day(START), 202);
            long answered = 0;
            for (long made = 0; made < runs; made += 10_000) {
                SyntheticRuns.Batch batch = generator.next((int) Math.min(10_000, runs - made), runs);
                answered += batch.answers().size();
                fast.add(batch);
            }
            long t1 = System.nanoTime();
            int cells = new CounterLoader(new ReportKeys(new RedisKeys(prefix)), calendar, Duration.ofDays(400))
                    .write(redis, SyntheticRuns.SURVEY, fast::forEachCell);
            long t2 = System.nanoTime();
            long memory = usedMemory(redis) - memoryBefore;
            System.out.printf("## Data%n%n- %,d answers in %,d survey runs over 200 days (2026-05-01 to 2026-11-16), "
                            + "%,d stores (counted like the planner: checked cell by cell on the first 20,000 runs)%n"
                            + "- %,d counter cells, counted in %.1f s, written in %.1f s%n"
                            + "- Redis memory for them: %.1f MB (%s)%n%n", answered, runs, SyntheticRuns.STORES,
                    cells, (t1 - t0) / 1e9, (t2 - t1) / 1e9, memory / 1e6, info(redis, "server")
                            .lines().filter(l -> l.startsWith("redis_version")).findFirst().orElse("?"));
            Path config = dir.resolve("feedbackbot.yaml");
            Files.writeString(config, "http:\n  port: 0\ndataDir: " + dir + "\nredis:\n  url: " + url + "\n  keyPrefix: \""
                    + prefix + "\"\nsurveys:\n  dir: " + Path.of("config/surveys").toAbsolutePath() + "\napi:\n  adminToken: "
                    + "bench-token-0123456789\nreports:\n  timeZone: Asia/Shanghai\nchannels:\n  webchat:\n    accounts:\n"
                    + "      - id: demo\n        defaultSurvey: post-delivery-nps\n");
            FeedbackbotSettings settings = new SettingsLoader(Map.of()).load(config);
            try (Application app = Application.start(settings, Map.of(), Clock.systemUTC())) {
                new QueryTimings("http://127.0.0.1:" + app.port(), "bench-token-0123456789").run();
                new IngestTimings(redis, new RedisKeys(prefix), "http://127.0.0.1:" + app.port(),
                        "bench-token-0123456789").run();
            }
        } finally {
            if (embedded != null) {
                embedded.close();
            }
        }
    }

    private static String info(UnifiedJedis redis, String section) {
        return new String((byte[]) redis.sendCommand(Protocol.Command.INFO, section), StandardCharsets.UTF_8);
    }

    private static long usedMemory(UnifiedJedis redis) {
        return info(redis, "memory").lines().filter(l -> l.startsWith("used_memory:"))
                .map(l -> Long.parseLong(l.substring("used_memory:".length()).trim())).findFirst().orElse(0L);
    }
}
