package io.feedbackbot.bench.load;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Requests built before they are needed, so that sending one costs the load generator only a buffer write.
 * {@link #ensure} builds more customers' turns (in parallel, between phases, never while a phase measures).
 */
final class RequestPool {

    private final Scenario scenario;
    private final int steps;
    private volatile RawRequest[] requests = new RawRequest[0];
    private volatile int customers;

    RequestPool(Scenario scenario) {
        this.scenario = scenario;
        this.steps = scenario.steps();
    }

    /** Builds requests until {@code count} customers have theirs. */
    void ensure(int count) {
        if (count <= customers) {
            return;
        }
        RawRequest[] grown = Arrays.copyOf(requests, count * steps);
        int from = customers;
        IntStream.range(from * steps, count * steps).parallel()
                .forEach(i -> grown[i] = scenario.build(i / steps, i % steps));
        requests = grown;
        customers = count;
    }

    /** Customers whose requests are built. */
    int built() {
        return customers;
    }

    /** Customers that may start (unbounded when the requests are reusable). */
    int customers() {
        return scenario.reusable() ? Integer.MAX_VALUE : customers;
    }

    RawRequest get(int customer, int step) {
        int c = scenario.reusable() ? Math.floorMod(customer, customers) : customer;
        return requests[c * steps + step];
    }
}
