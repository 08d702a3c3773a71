package io.feedbackbot.config;

import io.feedbackbot.config.yaml.YamlSection;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads {@code campaigns:}, checking that the fatigue rule fits in what Redis remembers of a conversation. */
final class CampaignsReader {

    static final Map<String, Double> DEFAULT_PACING = Map.of("sms", 1.0, "wechat", 20.0, "webchat", 0.0);

    private CampaignsReader() {
    }

    static CampaignSettings read(YamlSection s, RedisSettings redis) {
        int shards = s.integer("shards", 16, 1, 256);
        Duration lease = s.duration("lease", Duration.ofSeconds(60));
        if (lease.compareTo(Duration.ofSeconds(1)) < 0) {
            throw s.fail("lease", "must be at least 1s");
        }
        int inFlight = s.integer("inFlight", 512, 1, 100_000);
        Path holidays = Path.of(s.string("holidays", "config/holidays"));
        Duration fatigue = s.duration("fatigueWindow", Duration.ofDays(14));
        if (fatigue.compareTo(redis.conversationRetention()) > 0) {
            throw s.fail("fatigueWindow", "(" + fatigue.toDays() + "d) must not be longer than "
                    + "redis.conversationRetention (" + redis.conversationRetention().toDays() + "d): a conversation "
                    + "forgotten sooner forgets its invitations, and the rule could not see them");
        }
        Duration retention = s.duration("retention", Duration.ofDays(90));
        long maxBytes = s.integer("maxAudienceMegabytes", 512, 1, 16_384) * 1024L * 1024L;
        Map<String, Double> pacing = new LinkedHashMap<>(DEFAULT_PACING);
        YamlSection paces = s.section("pacing");
        for (String channel : paces.keys()) {
            pacing.put(channel, paces.decimal(channel, 0, 0, 100_000));
        }
        paces.finish();
        s.finish();
        return new CampaignSettings(shards, lease, inFlight, holidays, fatigue, retention, maxBytes, pacing);
    }
}
