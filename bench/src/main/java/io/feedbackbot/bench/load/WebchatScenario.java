package io.feedbackbot.bench.load;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.feedbackbot.bench.setup.BenchAccounts;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Web chat messages from many visitors as the widget posts them ({@code {"from", "text", "messageId"}}); every
 * answer must be the JSON reply list carrying the survey's next question.
 */
public final class WebchatScenario implements Scenario {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final RawRequest[][] requests;

    public WebchatScenario(String host, int customers, String run) {
        String target = "/webhooks/webchat/" + BenchAccounts.ACCOUNT;
        requests = new RawRequest[customers][Turns.STEPS];
        IntStream.range(0, customers).parallel().forEach(c -> {
            for (int step = 0; step < Turns.STEPS; step++) {
                byte[] body;
                try {
                    body = JSON.writeValueAsBytes(Map.of("from", "v-" + run + "-" + c, "text", Turns.text(c, step),
                            "messageId", "m-" + run + "-" + c + "-" + step));
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException(e);
                }
                requests[c][step] = RawRequest.post(host, target, "application/json", Map.of(), body);
            }
        });
    }

    @Override
    public String name() {
        return "webchat";
    }

    @Override
    public int steps() {
        return Turns.STEPS;
    }

    @Override
    public int customers() {
        return requests.length;
    }

    @Override
    public RawRequest request(int customer, int step) {
        return requests[customer][step];
    }

    @Override
    public String check(int customer, int step, int status, byte[] body) {
        if (status != 200) {
            return "http " + status;
        }
        String json = new String(body, StandardCharsets.UTF_8);
        if (json.contains("\"duplicate\":true")) {
            return "answered as a duplicate";
        }
        return json.contains(Turns.expected(customer, step)) ? null : "wrong question";
    }
}
