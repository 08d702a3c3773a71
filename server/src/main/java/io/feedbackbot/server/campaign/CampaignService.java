package io.feedbackbot.server.campaign;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.feedbackbot.config.CampaignSettings;
import io.feedbackbot.core.conversation.ConversationKey;
import io.feedbackbot.dialogs.campaign.CampaignStatus;
import io.feedbackbot.dialogs.campaign.HolidayCalendar;
import io.feedbackbot.dialogs.campaign.SendWindow;
import io.feedbackbot.redis.campaign.CampaignTally;
import io.feedbackbot.redis.campaign.RecipientShards;
import io.feedbackbot.redis.campaign.RedisCampaignStore;
import io.feedbackbot.redis.campaign.StoredStatus;
import io.feedbackbot.server.campaign.audience.AudienceImport;
import io.feedbackbot.server.campaign.audience.ImportReport;
import io.feedbackbot.server.campaign.dispatch.CampaignLoader;
import io.feedbackbot.server.http.HttpError;
import io.feedbackbot.server.http.Responses;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.io.InputStream;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What marketers (through the API, the console and the CLI) can do with campaigns: create one, import its
 * audience, move it through its lifecycle, and read its definition, status and live counts. Blocking (Redis): call
 * it off the event loop.
 */
public final class CampaignService {

    /** How a channel turns what an audience file says into a customer id; IllegalArgumentException if it cannot. */
    @FunctionalInterface
    public interface CustomerIds {
        String customerId(String channel, String account, String raw);
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final RedisCampaignStore store;
    private final RecipientShards shards;
    private final CampaignTally tally;
    private final CampaignRequest requests;
    private final CustomerIds customerIds;
    private final Map<String, HolidayCalendar> calendars;
    private final CampaignSettings settings;
    private final Clock clock;

    public CampaignService(RedisCampaignStore store, RecipientShards shards, CampaignTally tally,
                           CampaignRequest requests, CustomerIds customerIds, Map<String, HolidayCalendar> calendars,
                           CampaignSettings settings, Clock clock) {
        this.store = store;
        this.shards = shards;
        this.tally = tally;
        this.requests = requests;
        this.customerIds = customerIds;
        this.calendars = Map.copyOf(calendars);
        this.settings = settings;
        this.clock = clock;
    }

    public CampaignDefinition create(JsonNode body) {
        String id = body.hasNonNull("id") ? body.get("id").asText() : "c-" + HexFormat.of().formatHex(randomBytes());
        if (!id.matches("[a-z0-9][a-z0-9-]{0,31}")) {
            throw HttpError.badRequest("id must be 1 to 32 lower-case letters, digits or '-'");
        }
        CampaignDefinition definition = requests.read(body, id, clock.instant());
        if (!store.create(id, CampaignJson.write(definition), definition.createdAt())) {
            throw new HttpError(HttpResponseStatus.CONFLICT, "a campaign with id '" + id + "' exists");
        }
        return definition;
    }

    public CampaignDefinition definition(String id) {
        return store.definition(id).map(CampaignJson::read)
                .orElseThrow(() -> HttpError.notFound("unknown campaign '" + id + "'"));
    }

    /** Definition, status, audience report and live counts: what {@code GET /api/v1/campaigns/{id}} shows. */
    public Map<String, Object> view(String id) {
        CampaignDefinition d = definition(id);
        StoredStatus status = store.status(id).orElseThrow(() -> HttpError.notFound("unknown campaign '" + id + "'"));
        Map<String, Object> out = CampaignJson.of(d);
        SendWindow window = CampaignLoader.window(d, calendars);
        @SuppressWarnings("unchecked")
        Map<String, Object> w = (Map<String, Object>) out.get("window");
        w.put("description", window.describe());
        out.put("status", status.status());
        out.put("version", status.version());
        out.put("statusChangedAt", status.at().toString());
        out.put("statusNote", status.note());
        Optional<JsonNode> audience = store.audience(id).map(CampaignService::tree);
        out.put("audience", audience.orElse(null));
        out.put("progress", CampaignProgress.of(shards.counts(id, settings.shards()), tally.tallies(id)));
        out.put("nextSendAt", nextSend(d, window, status, audience));
        return out;
    }

    /** Every campaign, newest first, with status and counts. */
    public List<Map<String, Object>> list(int limit) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (String id : store.list(limit)) {
            Optional<String> json = store.definition(id);
            if (json.isEmpty()) {
                store.unlist(id);
                continue;
            }
            CampaignDefinition d = CampaignJson.read(json.get());
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", id);
            row.put("name", d.name());
            row.put("survey", d.surveyId());
            row.put("channel", d.channel());
            row.put("account", d.account());
            row.put("status", store.status(id).map(StoredStatus::status).orElse("unknown"));
            row.put("progress", CampaignProgress.of(shards.counts(id, settings.shards()), tally.tallies(id)));
            out.add(row);
        }
        return out;
    }

    /** Replaces the draft campaign's audience with the CSV in {@code in}; the report says what was kept. */
    public ImportReport importAudience(String id, InputStream in) {
        CampaignDefinition d = definition(id);
        String status = store.status(id).map(StoredStatus::status).orElse("");
        if (!status.equals("draft")) {
            throw new HttpError(HttpResponseStatus.CONFLICT, "the audience can be changed only while the campaign "
                    + "is a draft (it is " + status + ")");
        }
        int groups = store.audience(id).map(json -> tree(json).path("zones").size()).orElse(0);
        shards.clear(id, settings.shards(), Math.max(groups, AudienceImport.MAX_ZONES));
        AudienceImport job = new AudienceImport(shards, id, settings.shards(), addressColumn(d.channel()),
                raw -> checkedCustomer(d, raw), d.zone());
        ImportReport report = job.run(in, progress -> store.putAudience(id, json(progress)));
        store.putAudience(id, json(report));
        return report;
    }

    /** Schedules, pauses, resumes or cancels; a command that does not apply in the current status is a 409. */
    public Map<String, Object> command(String id, CampaignStatus.Command command, String who) {
        CampaignDefinition d = definition(id);
        StoredStatus current = store.status(id).orElseThrow(() -> HttpError.notFound("unknown campaign '" + id + "'"));
        CampaignStatus from = CampaignStatus.fromWire(current.status());
        Instant now = clock.instant();
        CampaignStatus to = from.after(command, now, d.start()).orElseThrow(() -> new HttpError(
                HttpResponseStatus.CONFLICT, "cannot " + command.name().toLowerCase(java.util.Locale.ROOT) + " a campaign that is "
                + from.wireName()));
        if (command == CampaignStatus.Command.SCHEDULE) {
            JsonNode audience = store.audience(id).map(CampaignService::tree).orElse(null);
            if (audience == null || !audience.path("state").asText().equals("complete")
                    || audience.path("imported").asLong() == 0) {
                throw new HttpError(HttpResponseStatus.CONFLICT, "import an audience with at least one recipient "
                        + "before scheduling (PUT /api/v1/campaigns/" + id + "/audience)");
            }
        }
        store.activate(id);
        RedisCampaignStore.Move move = store.move(id, Set.of(from.wireName()), to.wireName(), who, now);
        if (move instanceof RedisCampaignStore.Move.Refused refused) {
            throw new HttpError(HttpResponseStatus.CONFLICT, "the campaign changed meanwhile; it is "
                    + refused.current());
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", id);
        out.put("status", to.wireName());
        out.put("version", ((RedisCampaignStore.Move.Moved) move).version());
        return out;
    }

    /** The recipient's customer id as the channel spells it, and one a conversation key accepts. */
    private String checkedCustomer(CampaignDefinition d, String raw) {
        String customer = customerIds.customerId(d.channel(), d.account(), raw);
        new ConversationKey(d.channel(), d.account(), customer);
        return customer;
    }

    /** The audience column that holds a channel's addresses. */
    static String addressColumn(String channel) {
        return switch (channel) {
            case "sms" -> "phone";
            case "wechat" -> "openid";
            default -> "customer";
        };
    }

    private String nextSend(CampaignDefinition d, SendWindow window, StoredStatus status,
                            Optional<JsonNode> audience) {
        if (!Set.of("scheduled", "running", "paused").contains(status.status()) || audience.isEmpty()) {
            return null;
        }
        Instant now = clock.instant();
        Instant from = d.start().isAfter(now) ? d.start() : now;
        TreeSet<Instant> openings = new TreeSet<>();
        audience.get().path("zones").forEach(z -> {
            Instant next = window.nextOpening(from, ZoneId.of(z.asText()));
            if (next != null && next.isBefore(d.end())) {
                openings.add(next);
            }
        });
        return openings.isEmpty() ? null : openings.first().toString();
    }

    private static JsonNode tree(String json) {
        try {
            return Responses.JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored campaign data is not valid JSON", e);
        }
    }

    private static String json(Object value) {
        try {
            return Responses.JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[4];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
