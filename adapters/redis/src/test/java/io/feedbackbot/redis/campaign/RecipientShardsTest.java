package io.feedbackbot.redis.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.feedbackbot.redis.testing.TestRedis;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Recipients in shards: import with duplicates, claims under a lease, outcomes counted once, drains. */
class RecipientShardsTest {

    private static final int SHARDS = 4;
    private static final Instant T0 = Instant.parse("2026-05-06T02:00:00Z");
    private static final Duration LEASE = Duration.ofSeconds(10);
    private static final BitSet ALL_OPEN = BitSet.valueOf(new long[] {0b11});

    private final CampaignKeys keys = new CampaignKeys(TestRedis.freshKeys());
    private final RecipientShards shards = new RecipientShards(TestRedis.client(), keys);

    private static RecipientShards.Added row(int n, int group) {
        return new RecipientShards.Added(group, new RecipientRecord("r" + n, n, "u-" + n, "en", List.of("SH-00" + n % 3)));
    }

    private List<RecipientShards.Added> rows(int count) {
        List<RecipientShards.Added> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            rows.add(row(i, i % 2));
        }
        return rows;
    }

    private static Map<Integer, Integer> each(int quota) {
        Map<Integer, Integer> quotas = new HashMap<>();
        for (int s = 0; s < SHARDS; s++) {
            quotas.put(s, quota);
        }
        return quotas;
    }

    @Test
    void anImportKeepsTheFirstOfDuplicateIdsAndCountsWhatItQueued() {
        List<String> duplicates = shards.add("c1", SHARDS, 2, rows(100));
        List<String> again = shards.add("c1", SHARDS, 2, List.of(row(5, 0), row(100, 1)));

        assertEquals(List.of(), duplicates);
        assertEquals(List.of("r5"), again);
        assertEquals(101L, shards.counts("c1", SHARDS).get("queued"));
        assertEquals(101L, shards.counts("c1", SHARDS).get("imported"));
    }

    @Test
    void twoNodesClaimingTogetherNeverGetTheSameRecipient() throws Exception {
        shards.add("c1", SHARDS, 2, rows(2_000));
        Set<String> seen = ConcurrentHashMap.newKeySet();
        List<String> twice = new ArrayList<>();
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> claimed = new ArrayList<>();
            for (String node : List.of("node-a", "node-b")) {
                claimed.add(nodes.submit(() -> {
                    int total = 0;
                    while (true) {
                        var claims = shards.claim("c1", 2, ALL_OPEN, each(7), node, T0, LEASE);
                        if (claims.claimed().isEmpty()) {
                            return total;
                        }
                        for (var c : claims.claimed()) {
                            if (!seen.add(c.record().id())) {
                                synchronized (twice) {
                                    twice.add(c.record().id());
                                }
                            }
                        }
                        total += claims.claimed().size();
                    }
                }));
            }
            int a = claimed.get(0).get();
            int b = claimed.get(1).get();
            assertEquals(2_000, a + b);
        } finally {
            nodes.shutdownNow();
        }
        assertEquals(List.of(), twice);
        assertEquals(2_000, seen.size());
        assertEquals(2_000L, shards.counts("c1", SHARDS).get("claimed"));
        assertEquals(0L, shards.counts("c1", SHARDS).get("queued"));
    }

    @Test
    void aClaimWhoseNodeDiedIsReDrivenByAnotherNodeOnceTheLeasePasses() {
        shards.add("c1", SHARDS, 2, rows(10));
        var first = shards.claim("c1", 2, ALL_OPEN, each(10), "node-a", T0, LEASE);
        assertEquals(10, first.claimed().size());

        var tooEarly = shards.claim("c1", 2, ALL_OPEN, each(10), "node-b", T0.plusSeconds(9), LEASE);
        var after = shards.claim("c1", 2, ALL_OPEN, each(10), "node-b", T0.plusSeconds(11), LEASE);

        assertEquals(0, tooEarly.claimed().size());
        assertEquals(ids(first.claimed()), ids(after.claimed()));
        assertEquals(10L, shards.counts("c1", SHARDS).get("claimed"), "re-driven, not claimed twice");
    }

    @Test
    void anOutcomeIsCountedOnceEvenWhenTwoNodesReportIt() {
        shards.add("c1", SHARDS, 2, rows(3));
        var claimed = shards.claim("c1", 2, ALL_OPEN, each(3), "node-a", T0, LEASE).claimed();
        List<RecipientShards.Outcome> outcomes = new ArrayList<>();
        for (var c : claimed) {
            boolean first = c.record().id().equals("r0");
            outcomes.add(new RecipientShards.Outcome(c.shard(), c.record().id(), first ? "skipped" : "sent",
                    first ? "fatigue" : "", ""));
        }

        assertEquals(3, shards.finish("c1", outcomes));
        assertEquals(0, shards.finish("c1", outcomes));

        Map<String, Long> counts = shards.counts("c1", SHARDS);
        assertEquals(2L, counts.get("sent"));
        assertEquals(1L, counts.get("skipped"));
        assertEquals(1L, counts.get("skipped:fatigue"));
        assertEquals(0L, counts.get("claimed"));
        int shard = RecipientShards.shardOf("r0", SHARDS);
        assertTrue(shards.outcomes("c1", shard, 0, 10).contains(List.of("r0", "skipped", "fatigue", "")));
    }

    @Test
    void recipientsWhoseWindowIsClosedWaitAndExpiredClaimsOfClosedGroupsGoBackToTheQueue() {
        shards.add("c1", SHARDS, 2, rows(10)); // even ids in group 0, odd in group 1
        BitSet onlyGroup0 = new BitSet();
        onlyGroup0.set(0);

        var claims = shards.claim("c1", 2, ALL_OPEN, each(10), "node-a", T0, LEASE);
        assertEquals(10, claims.claimed().size());
        var later = shards.claim("c1", 2, onlyGroup0, each(10), "node-b", T0.plusSeconds(20), LEASE);

        assertTrue(later.claimed().stream().allMatch(c -> c.group() == 0));
        assertEquals(5, later.claimed().size());
        assertEquals(5L, shards.counts("c1", SHARDS).get("queued"), "group 1's expired claims wait in their queue");
        assertEquals(0L, later.left().values().stream().mapToLong(Long::longValue).sum());
    }

    @Test
    void releasedRecipientsAreSentFirstLater() {
        shards.add("c1", SHARDS, 2, rows(20));
        var claimed = shards.claim("c1", 2, ALL_OPEN, each(2), "node-a", T0, LEASE).claimed();
        Map<Integer, List<String>> byShard = new HashMap<>();
        claimed.forEach(c -> byShard.computeIfAbsent(c.shard(), s -> new ArrayList<>()).add(c.record().id()));

        assertEquals(claimed.size(), shards.release("c1", 2, byShard));
        var again = shards.claim("c1", 2, ALL_OPEN, each(2), "node-b", T0, LEASE).claimed();

        assertEquals(ids(claimed), ids(again));
    }

    @Test
    void aDrainSkipsTheQueuedAndTheStrandedButLeavesLiveClaims() {
        shards.add("c1", SHARDS, 2, rows(30));
        shards.claim("c1", 2, ALL_OPEN, each(1), "dead-node", T0, LEASE);
        shards.claim("c1", 2, ALL_OPEN, each(1), "live-node", T0.plusSeconds(15), LEASE);

        long drained = shards.drain("c1", SHARDS, 2, T0.plusSeconds(20), 1_000, "cancelled");

        Map<String, Long> counts = shards.counts("c1", SHARDS);
        assertEquals(30 - SHARDS, drained, "everything except the live claims");
        assertEquals(drained, counts.get("skipped:cancelled"));
        assertEquals((long) SHARDS, counts.get("claimed"));
        assertEquals(0L, counts.get("queued"));
    }

    private static Set<String> ids(List<RecipientShards.Claimed> claimed) {
        Set<String> ids = new HashSet<>();
        claimed.forEach(c -> ids.add(c.record().id()));
        return ids;
    }
}
