package io.feedbackbot.core.engine;

import io.feedbackbot.core.conversation.ConversationKey;
import io.feedbackbot.core.store.TimerIndex;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Wakes conversations whose timeout is due. Every node runs one; the shared {@link TimerIndex} hands each due
 * conversation to one claimer at a time, and a claim that is not finished within the lease is claimed again.
 */
public final class TimerSweeper implements AutoCloseable {

    private final TimerIndex index;
    private final ConversationEngine engine;
    private final Clock clock;
    private final Duration lease;
    private final int batch;
    private final Consumer<Throwable> onError;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "timer-sweeper");
        t.setDaemon(true);
        return t;
    });

    public TimerSweeper(TimerIndex index, ConversationEngine engine, Clock clock, Duration lease, int batch,
                        Consumer<Throwable> onError) {
        this.index = index;
        this.engine = engine;
        this.clock = clock;
        this.lease = lease;
        this.batch = batch;
        this.onError = onError;
    }

    /** Sweeps every {@code interval} until closed. */
    public void start(Duration interval) {
        scheduler.scheduleWithFixedDelay(this::sweepSafely, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** Claims what is due now and wakes it; returns how many conversations were claimed. */
    public int sweep() {
        List<ConversationKey> due = index.claimDue(clock.instant(), batch, lease);
        for (ConversationKey key : due) {
            engine.wake(key).whenComplete((ok, error) -> {
                if (error != null) {
                    onError.accept(error);
                }
            });
        }
        return due.size();
    }

    private void sweepSafely() {
        try {
            while (sweep() == batch) {
                // a full batch means more may be due: keep going
            }
        } catch (RuntimeException e) {
            onError.accept(e);
        }
    }

    /** Stops sweeping, letting a sweep in progress finish (briefly) so it never runs into a closed Redis. */
    @Override
    public void close() {
        scheduler.shutdown();
        try {
            if (!scheduler.awaitTermination(5, TimeUnit.SECONDS)) {
                scheduler.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            scheduler.shutdownNow();
        }
    }
}
