package io.feedbackbot.bench.load;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.feedbackbot.bench.setup.BenchAccounts;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Web chat messages from many visitors as the widget posts them ({@code {"from", "text", "messageId"}}); every
 * answer must be the JSON reply list carrying the survey's next question.
 */
public final class WebchatScenario implements Scenario {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String host;
    private final String run;
    private final String target = "/webhooks/webchat/" + BenchAccounts.ACCOUNT;

    public WebchatScenario(String host, String run) {
        this.host = host;
        this.run = run;
    }

    @Override
    public RawRequest build(int c, int step) {
        try {
            byte[] body = JSON.writeValueAsBytes(Map.of("from", "v-" + run + "-" + c, "text", Turns.text(c, step),
                    "messageId", "m-" + run + "-" + c + "-" + step));
            return RawRequest.post(host, target, "application/json", Map.of(), body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String name() {
        return "webchat";
    }

    @Override
    public String check(int customer, int step, byte[] body) {
        String json = new String(body, StandardCharsets.UTF_8);
        if (json.contains("\"duplicate\":true")) {
            return "answered as a duplicate";
        }
        return json.contains(Turns.expected(customer, step)) ? null : "wrong question";
    }
}
