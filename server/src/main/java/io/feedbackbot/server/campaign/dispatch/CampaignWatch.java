package io.feedbackbot.server.campaign.dispatch;

import io.feedbackbot.redis.campaign.RedisCampaignStore;
import io.feedbackbot.redis.campaign.StoredStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A node's view of the active campaigns and their statuses. It hears every status change at once over pub/sub
 * and, in case a message is lost, re-reads every active campaign's status at least once a second; so a pause,
 * resume or cancel reaches every node's dispatcher within a second, usually within milliseconds.
 */
final class CampaignWatch implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CampaignWatch.class);
    static final Duration FULL_REFRESH = Duration.ofSeconds(1);

    private final RedisCampaignStore store;
    private final Function<String, Optional<LiveCampaign>> loader;
    private final Map<String, LiveCampaign> campaigns = new ConcurrentHashMap<>();
    private final Set<String> changed = ConcurrentHashMap.newKeySet();
    private final AutoCloseable subscription;
    private Instant lastFull = Instant.EPOCH;

    /**
     * @param loader builds a campaign's live view from Redis (empty when it cannot run: no definition or audience)
     * @param wake   called when a status change arrives, so the dispatcher looks at once
     */
    CampaignWatch(RedisCampaignStore store, Function<String, Optional<LiveCampaign>> loader, Runnable wake) {
        this.store = store;
        this.loader = loader;
        this.subscription = store.subscribe(id -> {
            changed.add(id);
            wake.run();
        });
    }

    /** Brings the view up to date: the announced changes now, everything once a second. */
    void refresh(Instant now) {
        if (!now.isBefore(lastFull.plus(FULL_REFRESH))) {
            lastFull = now;
            changed.clear();
            Set<String> active = store.active();
            campaigns.keySet().retainAll(active);
            update(active);
        } else if (!changed.isEmpty()) {
            List<String> ids = List.copyOf(changed);
            changed.removeAll(ids);
            update(ids);
        }
    }

    private void update(Collection<String> ids) {
        Map<String, StoredStatus> statuses = store.statuses(ids);
        for (String id : ids) {
            StoredStatus status = statuses.get(id);
            LiveCampaign live = campaigns.get(id);
            if (status == null) {
                campaigns.remove(id);
            } else if (live != null) {
                live.heard(status);
            } else {
                try {
                    loader.apply(id).ifPresent(loaded -> {
                        loaded.heard(status);
                        campaigns.put(id, loaded);
                    });
                } catch (RuntimeException e) {
                    log.warn("campaign {} cannot be dispatched: {}", id, e.toString());
                }
            }
        }
    }

    Collection<LiveCampaign> campaigns() {
        return campaigns.values();
    }

    void forget(String id) {
        campaigns.remove(id);
    }

    /** The newest status of a campaign this node has heard of, if it looks after it. */
    Optional<StoredStatus> observed(String id) {
        return Optional.ofNullable(campaigns.get(id)).map(LiveCampaign::stored);
    }

    @Override
    public void close() {
        try {
            subscription.close();
        } catch (Exception e) {
            log.warn("could not close the campaign status subscription: {}", e.toString());
        }
    }
}
