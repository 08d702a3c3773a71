package io.feedbackbot.bench.load;

/**
 * What a load run sends and how it checks the answers: each simulated customer takes {@link #steps()} turns of a
 * real survey, in order (the next turn is sent only after the previous one was answered), and every answer is
 * checked against the turn it should be. Implementations build requests exactly as the provider would.
 */
public interface Scenario {

    /** A short name for reports ({@code wechat}, {@code sms}, {@code webchat}, {@code ceiling}). */
    String name();

    /** Turns per customer: the survey's {@link Turns}, unless the scenario has another shape. */
    default int steps() {
        return Turns.STEPS;
    }

    /** The request of {@code customer}'s turn {@code step}; thread-safe, called ahead of the run. */
    RawRequest build(int customer, int step);

    /**
     * Checks the body of a 200 answer to that turn (on the load generator's event loop); any other status is an
     * error the load client counts without asking.
     *
     * @return null when it is the right answer, else a short error kind for the report
     */
    String check(int customer, int step, byte[] body);

    /** Whether the same requests may be sent again and again (true only for the ceiling). */
    default boolean reusable() {
        return false;
    }
}
