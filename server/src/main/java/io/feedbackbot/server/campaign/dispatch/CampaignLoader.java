package io.feedbackbot.server.campaign.dispatch;

import com.fasterxml.jackson.databind.JsonNode;
import io.feedbackbot.dialogs.campaign.HolidayCalendar;
import io.feedbackbot.dialogs.campaign.SendWindow;
import io.feedbackbot.redis.campaign.RedisCampaignStore;
import io.feedbackbot.redis.campaign.StoredStatus;
import io.feedbackbot.server.campaign.CampaignDefinition;
import io.feedbackbot.server.campaign.CampaignJson;
import io.feedbackbot.server.http.Responses;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds a campaign's live view for a dispatcher from Redis: its definition, its send window with the holiday
 * calendar it names, and the time zones and attribute columns of its imported audience.
 */
public final class CampaignLoader {

    private final RedisCampaignStore store;
    private final Map<String, HolidayCalendar> calendars;
    private final int shards;

    public CampaignLoader(RedisCampaignStore store, Map<String, HolidayCalendar> calendars, int shards) {
        this.store = store;
        this.calendars = Map.copyOf(calendars);
        this.shards = shards;
    }

    Optional<LiveCampaign> load(String id) {
        Optional<String> json = store.definition(id);
        Optional<String> audience = store.audience(id);
        if (json.isEmpty() || audience.isEmpty()) {
            return Optional.empty();
        }
        CampaignDefinition def = CampaignJson.read(json.get());
        return Optional.of(new LiveCampaign(def, window(def, calendars), strings(audience.get(), "zones").stream()
                .map(ZoneId::of).toList(), strings(audience.get(), "attributes"), shards,
                new StoredStatus("draft", 0, Instant.EPOCH, "")));
    }

    /** The campaign's send window with its holiday calendar (none when it names none or an unknown one). */
    public static SendWindow window(CampaignDefinition def, Map<String, HolidayCalendar> calendars) {
        HolidayCalendar calendar = def.holidays() == null ? HolidayCalendar.NONE
                : calendars.getOrDefault(def.holidays(), HolidayCalendar.NONE);
        return new SendWindow(def.days(), def.fromMinute(), def.toMinute(), calendar);
    }

    private static List<String> strings(String json, String field) {
        try {
            JsonNode node = Responses.JSON.readTree(json).path(field);
            List<String> out = new ArrayList<>();
            node.forEach(n -> out.add(n.asText()));
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("a stored audience report is not valid JSON", e);
        }
    }
}
