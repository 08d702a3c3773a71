package io.feedbackbot.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How outbound survey campaigns run ({@code campaigns:}).
 *
 * @param shards           Redis shards per campaign: its recipients spread over this many hash slots
 * @param lease            a claimed recipient not finished within this is claimed again by any node
 * @param inFlight         recipients one node sends to at once (bounds memory, and how much a pause lets finish)
 * @param holidays         the directory of holiday calendars ({@code cn-2026.yaml}…)
 * @param fatigueWindow    the default fatigue rule: nobody invited to, or answering, any survey within this
 * @param retention        a finished campaign's recipients and counts are kept this long
 * @param maxAudienceBytes the largest audience CSV accepted in one upload
 * @param pacing           default messages per second per account, by channel name; 0 means no pacing
 */
public record CampaignSettings(int shards, Duration lease, int inFlight, Path holidays, Duration fatigueWindow,
                               Duration retention, long maxAudienceBytes, Map<String, Double> pacing) {

    public CampaignSettings {
        Objects.requireNonNull(lease, "lease");
        Objects.requireNonNull(holidays, "holidays");
        Objects.requireNonNull(fatigueWindow, "fatigueWindow");
        Objects.requireNonNull(retention, "retention");
        pacing = Map.copyOf(pacing);
    }

    /** The default pace of a channel's accounts in messages per second; 0 for none. */
    public double defaultPace(String channel) {
        return pacing.getOrDefault(channel, 0.0);
    }
}
