package io.feedbackbot.bench.campaign;

import io.feedbackbot.redis.RedisConnections;
import io.feedbackbot.redis.RedisKeys;
import io.feedbackbot.redis.campaign.CampaignKeys;
import io.feedbackbot.redis.campaign.RecipientRecord;
import io.feedbackbot.redis.campaign.RecipientShards;
import io.feedbackbot.redis.embedded.EmbeddedRedis;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import redis.clients.jedis.UnifiedJedis;

/**
 * Measures the campaign machinery alone, without the conversation engine: claiming recipients under a lease and
 * recording their outcomes, 500 at a time over 16 shards, on an embedded Redis (in memory). This is the ceiling the
 * campaign layer puts on sends per second; the engine's invite (a load and a save per recipient) comes on top.
 * Run with the number of recipients; prints what it measured.
 */
public final class ClaimBench {

    private ClaimBench() {
    }

    public static void main(String[] args) throws Exception {
        int recipients = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int shards = 16;
        try (EmbeddedRedis redis = EmbeddedRedis.start(Files.createTempDirectory("claim-bench"), 0,
                EmbeddedRedis.Persistence.NONE); UnifiedJedis client = RedisConnections.open(redis.url(), 8)) {
            RecipientShards store = new RecipientShards(client, new CampaignKeys(new RedisKeys("bench:")));
            List<RecipientShards.Added> batch = new ArrayList<>();
            for (int i = 0; i < recipients; i++) {
                batch.add(new RecipientShards.Added(0, new RecipientRecord("r" + i, i, "+86138" + (10_000_000 + i),
                        "zh-CN", List.of("SH-" + i % 3500, "vip"))));
                if (batch.size() == 2_000) {
                    store.add("c1", shards, 1, batch);
                    batch.clear();
                }
            }
            store.add("c1", shards, 1, batch);
            BitSet open = new BitSet();
            open.set(0);
            long start = System.nanoTime();
            int done = 0;
            while (done < recipients) {
                Map<Integer, Integer> quotas = new HashMap<>();
                for (int s = 0; s < shards; s++) {
                    quotas.put(s, 32);
                }
                var claims = store.claim("c1", 1, open, quotas, "bench", Instant.now(), Duration.ofMinutes(1));
                List<RecipientShards.Outcome> outcomes = new ArrayList<>();
                claims.claimed().forEach(c -> outcomes.add(new RecipientShards.Outcome(c.shard(), c.record().id(),
                        "sent", "", "")));
                done += store.finish("c1", outcomes);
                if (claims.claimed().isEmpty()) {
                    break;
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("claim + record: %d recipients in %.1f s = %.0f per second (one thread, 512 a round)%n",
                    done, seconds, done / seconds);
        }
    }
}
