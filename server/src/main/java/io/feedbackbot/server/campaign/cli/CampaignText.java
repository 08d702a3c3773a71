package io.feedbackbot.server.campaign.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Renders a campaign's view (the API's JSON) as a few lines for the terminal. */
final class CampaignText {

    private CampaignText() {
    }

    static String render(JsonNode v) {
        JsonNode p = v.path("progress");
        JsonNode w = v.path("window");
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%s  %s  %s  (%s:%s, survey %s)%n", v.path("id").asText(),
                v.path("name").asText(), v.path("status").asText().toUpperCase(Locale.ROOT), v.path("channel").asText(),
                v.path("account").asText(), v.path("survey").asText()));
        out.append(String.format(Locale.ROOT, "window %s, default zone %s; pacing %s%s%n", w.path("description").asText(),
                w.path("timezone").asText(), v.path("pacing").isObject()
                        ? v.path("pacing").path("perSecond").asText() + "/s" : "off",
                v.path("nextSendAt").isNull() || v.path("nextSendAt").isMissingNode() ? ""
                        : "; next send " + v.path("nextSendAt").asText()));
        out.append(String.format(Locale.ROOT, "recipients %,d  pending %,d  sent %,d  delivered %,d  undelivered %,d  "
                        + "failed %,d  unknown %,d%n", p.path("recipients").asLong(), p.path("pending").asLong(),
                p.path("sent").asLong(), p.path("delivered").asLong(), p.path("undelivered").asLong(),
                p.path("failed").path("total").asLong(), p.path("unknown").asLong()));
        out.append(String.format(Locale.ROOT, "skipped %,d%s  responded %,d  reminded %,d%n",
                p.path("skipped").path("total").asLong(), reasons(p.path("skipped").path("byReason")),
                p.path("responded").asLong(), p.path("reminded").asLong()));
        return out.toString();
    }

    static String reasons(JsonNode byReason) {
        List<String> parts = new ArrayList<>();
        byReason.fields().forEachRemaining(e -> parts.add(e.getKey() + " " + e.getValue().asLong()));
        return parts.isEmpty() ? "" : " (" + String.join(", ", parts) + ")";
    }

    /** Everyone who left the queue: sent, failed, unknown or skipped. */
    static long handled(JsonNode progress) {
        return progress.path("recipients").asLong() - progress.path("pending").asLong();
    }
}
