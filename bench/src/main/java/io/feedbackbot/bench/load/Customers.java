package io.feedbackbot.bench.load;

import java.util.ArrayDeque;

/**
 * Chooses whose turn is sent next: a customer's next turn only after the previous one was answered (as a person
 * waits for the bot), new customers starting all the time so that about one turn in {@code steps} opens a
 * conversation. A customer whose answer was wrong drops out. Confined to the load generator's event loop.
 */
final class Customers {

    /** One turn of one customer. */
    record Turn(int customer, int step) {
    }

    private final RequestPool pool;
    private final int steps;
    private int[] nextStep = new int[0];
    private final ArrayDeque<Integer> ready = new ArrayDeque<>();
    private int fresh;
    private long issued;

    Customers(RequestPool pool, int steps) {
        this.pool = pool;
        this.steps = steps;
    }

    /** The next turn to send, or null when every customer is waiting for an answer or done. */
    Turn next() {
        boolean startOne = issued % steps == 0 || ready.isEmpty();
        if (startOne && fresh < pool.customers()) {
            issued++;
            return new Turn(fresh++, 0);
        }
        Integer c = ready.poll();
        if (c == null) {
            return null;
        }
        issued++;
        return new Turn(c, nextStep[c]);
    }

    /** The turn was answered correctly: the customer's next turn may go. */
    void answered(Turn turn) {
        if (turn.step() + 1 < steps) {
            if (turn.customer() >= nextStep.length) {
                nextStep = java.util.Arrays.copyOf(nextStep, Math.max(1024, turn.customer() * 2));
            }
            nextStep[turn.customer()] = turn.step() + 1;
            ready.add(turn.customer());
        }
    }

    /** Whether every customer with requests has started. */
    boolean allStarted() {
        return fresh >= pool.customers();
    }

    /** Customers started so far. */
    int started() {
        return fresh;
    }
}
