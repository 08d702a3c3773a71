package io.feedbackbot.wechat.kefu;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** A single-process {@link KefuBudgetStore} for tests and one-node runs; entries expire by the given clock. */
public final class InMemoryKefuBudgetStore implements KefuBudgetStore {

    private record Entry(KefuUsage usage, Instant expireAt) {
    }

    private final Clock clock;
    private final Map<String, Entry> entries = new HashMap<>();

    public InMemoryKefuBudgetStore(Clock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized KefuUsage get(String account, String openId) {
        Entry entry = entries.get(key(account, openId));
        return entry == null || !clock.instant().isBefore(entry.expireAt()) ? KefuUsage.NONE : entry.usage();
    }

    @Override
    public synchronized boolean compareAndSet(String account, String openId, KefuUsage expected,
            KefuUsage replacement, Instant expireAt) {
        if (!get(account, openId).equals(expected)) {
            return false;
        }
        entries.put(key(account, openId), new Entry(replacement, expireAt));
        return true;
    }

    private static String key(String account, String openId) {
        return account + "\u0000" + openId;
    }
}
