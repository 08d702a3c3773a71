package io.feedbackbot.server.handoff.api;

import io.feedbackbot.core.outbound.DeliveryOutcome;
import java.util.LinkedHashMap;
import java.util.Map;

/** How a message to the customer went, as the console shows it: sent, not sent (and why), unknown, already handled. */
final class Outcomes {

    private Outcomes() {
    }

    static Map<String, Object> json(DeliveryOutcome outcome) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (outcome instanceof DeliveryOutcome.Sent) {
            out.put("status", "sent");
        } else if (outcome instanceof DeliveryOutcome.NotSent n) {
            out.put("status", "not_sent");
            out.put("reason", n.reason());
        } else if (outcome instanceof DeliveryOutcome.Unknown u) {
            out.put("status", "unknown");
            out.put("reason", u.reason());
        } else {
            out.put("status", "already_handled");
        }
        return out;
    }
}
