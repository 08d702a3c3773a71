package io.feedbackbot.bench.load;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The same WeChat pushes sent to the bare Netty server, which must answer {@code success} to each. One turn per
 * customer, and the requests are reused in a cycle, so the ceiling never runs out of requests.
 */
public final class CeilingScenario implements Scenario {

    private static final byte[] SUCCESS = "success".getBytes(StandardCharsets.US_ASCII);

    private final WechatScenario pushes;

    public CeilingScenario(WechatScenario pushes) {
        this.pushes = pushes;
    }

    @Override
    public String name() {
        return "ceiling";
    }

    @Override
    public int steps() {
        return 1;
    }

    @Override
    public RawRequest build(int customer, int step) {
        return pushes.build(customer, customer % Turns.STEPS);
    }

    @Override
    public boolean reusable() {
        return true;
    }

    @Override
    public String check(int customer, int step, byte[] body) {
        return Arrays.equals(body, SUCCESS) ? null : "not success";
    }
}
