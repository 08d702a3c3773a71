package io.feedbackbot.wechat.kefu;

import java.time.Instant;
import java.util.Optional;

/**
 * Keeps each user's customer-service budget across nodes with compare-and-set loops over a
 * {@link KefuBudgetStore}: a user message opens a fresh window, a send reserves a slot before it goes out (so
 * two nodes never spend the same slot), and a 45015/45047 from WeChat closes the window early.
 */
public final class KefuBudget {

    private static final int MAX_ATTEMPTS = 16;

    private final KefuBudgetStore store;
    private final KefuWindow window;

    public KefuBudget(KefuBudgetStore store, KefuWindow window) {
        this.store = store;
        this.window = window;
    }

    public KefuWindow window() {
        return window;
    }

    /** The user wrote at {@code at} (WeChat's CreateTime); an older message than the known one changes nothing. */
    public void recordUserMessage(String account, String openId, Instant at) {
        if (!store.storeUnlessNewer(account, openId, KefuUsage.openedAt(at), expiry(at))) {
            throw contention(account);
        }
    }

    /**
     * Reserves one customer-service message at {@code now} if the window and budget allow it.
     *
     * @return the usage including the reservation, or empty when a template is required
     */
    public Optional<KefuUsage> tryReserve(String account, String openId, Instant now) {
        for (int i = 0; i < MAX_ATTEMPTS; i++) {
            KefuUsage current = store.get(account, openId);
            if (window.choose(current, now) != SendMethod.CUSTOMER_SERVICE) {
                return Optional.empty();
            }
            KefuUsage reserved = current.plusOne();
            if (store.compareAndSet(account, openId, current, reserved,
                    expiry(current.lastUserMessageAt().orElseThrow()))) {
                return Optional.of(reserved);
            }
        }
        throw contention(account);
    }

    /**
     * WeChat refused a customer-service message sent under {@code reserved}: no more until the user writes again.
     * A newer user message (a new window) is left alone.
     */
    public void markSpent(String account, String openId, KefuUsage reserved) {
        for (int i = 0; i < MAX_ATTEMPTS; i++) {
            KefuUsage current = store.get(account, openId);
            if (!current.lastUserMessageAt().equals(reserved.lastUserMessageAt())
                    || current.sentSince() >= window.maxMessages() || current.lastUserMessageAt().isEmpty()) {
                return;
            }
            KefuUsage spent = new KefuUsage(current.lastUserMessageAt(), window.maxMessages());
            if (store.compareAndSet(account, openId, current, spent, expiry(current.lastUserMessageAt().get()))) {
                return;
            }
        }
        throw contention(account);
    }

    private Instant expiry(Instant lastUserMessageAt) {
        return lastUserMessageAt.plus(window.window());
    }

    private static IllegalStateException contention(String account) {
        return new IllegalStateException("customer-service budget of a user of account " + account
                + " kept changing under " + MAX_ATTEMPTS + " attempts");
    }
}
