package io.feedbackbot.bench.campaign;

import io.feedbackbot.redis.RedisConnections;
import io.feedbackbot.redis.RedisKeys;
import io.feedbackbot.redis.campaign.CampaignKeys;
import io.feedbackbot.redis.campaign.RecipientShards;
import io.feedbackbot.redis.embedded.EmbeddedRedis;
import io.feedbackbot.server.campaign.audience.AudienceImport;
import io.feedbackbot.server.campaign.audience.ImportReport;
import io.feedbackbot.sms.phone.PhoneNumbers;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicLong;
import redis.clients.jedis.UnifiedJedis;

/**
 * Measures an SMS audience import on its own: a CSV of phone numbers (each checked and normalised by
 * libphonenumber), languages, time zones and two attributes, imported into 16 shards of an embedded in-memory
 * Redis; prints rows per second, the progress reports seen, and Redis's memory afterwards. Run with the row count.
 */
public final class ImportBench {

    private ImportBench() {
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        StringBuilder csv = new StringBuilder(rows * 64).append("id,phone,language,timezone,store,segment\n");
        String[] zones = {"", "Asia/Shanghai", "Asia/Hong_Kong", "America/New_York"};
        for (int i = 0; i < rows; i++) {
            csv.append("R").append(i).append(",1").append(38 + i % 2).append(String.format("%08d", i)).append(',')
                    .append(i % 3 == 0 ? "en" : "zh-CN").append(',').append(zones[i % zones.length]).append(",SH-")
                    .append(i % 3500).append(i % 2 == 0 ? ",vip\n" : ",new\n");
        }
        byte[] bytes = csv.toString().getBytes(StandardCharsets.UTF_8);
        try (EmbeddedRedis redis = EmbeddedRedis.start(Files.createTempDirectory("import-bench"), 0,
                EmbeddedRedis.Persistence.NONE); UnifiedJedis client = RedisConnections.open(redis.url(), 8)) {
            RecipientShards shards = new RecipientShards(client, new CampaignKeys(new RedisKeys("bench:")));
            AtomicLong progressReports = new AtomicLong();
            long start = System.nanoTime();
            ImportReport report = new AudienceImport(shards, "c1", 16, "phone",
                    raw -> PhoneNumbers.toE164(raw, "CN"), ZoneId.of("Asia/Shanghai"))
                    .run(new ByteArrayInputStream(bytes), r -> progressReports.incrementAndGet());
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("import: %,d rows (%d MB) in %.1f s = %,.0f rows/s; %s, %,d imported, %,d rejected; "
                            + "%d progress reports%n", rows, bytes.length >> 20, seconds, rows / seconds, report.state(),
                    report.imported(), report.rejected(), progressReports.get());
            try (var jedis = new redis.clients.jedis.Jedis("127.0.0.1", redis.port())) {
                System.out.println("redis after import: " + jedis.info("memory").lines()
                        .filter(l -> l.startsWith("used_memory_human") || l.startsWith("used_memory_dataset:"))
                        .reduce((a, b) -> a + ", " + b).orElse(""));
            }
        }
    }
}
