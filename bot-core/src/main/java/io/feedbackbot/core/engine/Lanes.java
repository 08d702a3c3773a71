package io.feedbackbot.core.engine;

import io.feedbackbot.core.conversation.ConversationKey;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Single-threaded work lanes chosen by conversation key: every task of one conversation runs on the same lane,
 * in submission order, so a node handles a conversation's messages in order without locks, while different
 * conversations run in parallel. Lanes have bounded queues; a full lane refuses work instead of growing.
 */
public final class Lanes implements AutoCloseable {

    private final ThreadPoolExecutor[] lanes;

    public Lanes(String name, int count, int queueCapacity) {
        if (count < 1 || queueCapacity < 1) {
            throw new IllegalArgumentException("lanes and queue capacity must be positive");
        }
        lanes = new ThreadPoolExecutor[count];
        for (int i = 0; i < count; i++) {
            String threadName = name + "-" + i;
            lanes[i] = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(queueCapacity),
                    r -> {
                        Thread t = new Thread(r, threadName);
                        t.setDaemon(true);
                        return t;
                    });
        }
    }

    /** Runs {@code task} on the key's lane; the future fails with {@link LaneFullException} when it is full. */
    public <T> CompletableFuture<T> submit(ConversationKey key, Callable<T> task) {
        CompletableFuture<T> result = new CompletableFuture<>();
        try {
            lanes[indexOf(key)].execute(() -> {
                try {
                    result.complete(task.call());
                } catch (Throwable e) {
                    result.completeExceptionally(e);
                }
            });
        } catch (RejectedExecutionException e) {
            result.completeExceptionally(new LaneFullException(key));
        }
        return result;
    }

    int indexOf(ConversationKey key) {
        return Math.floorMod(key.hashCode(), lanes.length);
    }

    /** Tasks waiting across all lanes. */
    public int queued() {
        int n = 0;
        for (ThreadPoolExecutor lane : lanes) {
            n += lane.getQueue().size();
        }
        return n;
    }

    /** Stops taking work and waits up to {@code millis} for queued work to finish. */
    public void shutdown(long millis) {
        for (ThreadPoolExecutor lane : lanes) {
            lane.shutdown();
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        for (ThreadPoolExecutor lane : lanes) {
            try {
                lane.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public void close() {
        shutdown(5_000);
    }

    /** The lane for a conversation has no room: the node is overloaded, and the caller should say so (503). */
    public static final class LaneFullException extends RuntimeException {
        public LaneFullException(ConversationKey key) {
            super("the work lane for " + key + " is full");
        }
    }
}
