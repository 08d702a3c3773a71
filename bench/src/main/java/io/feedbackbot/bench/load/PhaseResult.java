package io.feedbackbot.bench.load;

import java.util.Map;

/**
 * What one phase of a load run measured. Latencies in microseconds; in an open-loop phase they run from each
 * request's intended send time (so a stalled server cannot hide its queueing), in a closed-loop phase from the
 * actual send.
 *
 * @param mode       {@code closed} (as fast as the server answers) or {@code open} (a fixed rate)
 * @param targetRate requests per second asked for (open loop), 0 for closed loop
 * @param seconds    the measured window
 * @param throughput answered requests per second within the window
 * @param errors     wrong answers, non-200 statuses, dropped connections and requests never answered
 */
public record PhaseResult(String scenario, String mode, double targetRate, double seconds, long completed,
                          double throughput, long errors, Map<String, Long> errorKinds, long p50, long p90, long p99,
                          long p999, long max, int connections, String note) {
}
