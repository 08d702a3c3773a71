package io.feedbackbot.server.campaign.api;

import io.feedbackbot.redis.campaign.RecipientShards;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads every recorded recipient outcome of a campaign, shard by shard, a page at a time: the explanation behind
 * the counts (who was skipped and why, what the channel said when a send failed).
 */
public final class OutcomeExport {

    static final int PAGE = 1_000;

    private final RecipientShards shards;
    private final int shardCount;

    public OutcomeExport(RecipientShards shards, int shardCount) {
        this.shards = shards;
        this.shardCount = shardCount;
    }

    /** Calls {@code row} with (id, outcome, reason, detail) for each outcome, or only those of {@code outcome}. */
    public void each(String campaign, String outcome, Consumer<List<String>> row) {
        for (int shard = 0; shard < shardCount; shard++) {
            for (long from = 0; ; from += PAGE) {
                List<List<String>> page = shards.outcomes(campaign, shard, from, PAGE);
                for (List<String> line : page) {
                    if (outcome == null || (line.size() > 1 && line.get(1).equals(outcome))) {
                        row.accept(line);
                    }
                }
                if (page.size() < PAGE) {
                    break;
                }
            }
        }
    }
}
