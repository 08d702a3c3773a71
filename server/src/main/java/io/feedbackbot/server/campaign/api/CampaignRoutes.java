package io.feedbackbot.server.campaign.api;

import io.feedbackbot.dialogs.campaign.CampaignStatus;
import io.feedbackbot.server.api.ApiAuth;
import io.feedbackbot.server.api.CsvWriter;
import io.feedbackbot.server.campaign.CampaignJson;
import io.feedbackbot.server.campaign.CampaignService;
import io.feedbackbot.server.campaign.audience.ImportReport;
import io.feedbackbot.server.http.ChunkedStream;
import io.feedbackbot.server.http.HttpError;
import io.feedbackbot.server.http.JsonBodies;
import io.feedbackbot.server.http.Reply;
import io.feedbackbot.server.http.Request;
import io.feedbackbot.server.http.Responses;
import io.feedbackbot.server.http.Router;
import io.feedbackbot.server.web.StaticRoutes;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The campaign API ({@code /api/v1/campaigns…}) and the marketers' page ({@code /console/campaigns}). Every call
 * needs the bearer token; today that is the admin token ({@link ApiAuth#admin}); the marketer role of the console
 * plugs in here once it exists. Work that touches Redis runs on the blocking executor, never on the event loop.
 * The audience upload is served by {@link AudienceUploadHandler}, which streams the body.
 */
public final class CampaignRoutes {

    private static final Logger log = LoggerFactory.getLogger(CampaignRoutes.class);

    private final CampaignService service;
    private final ProgressEvents events;
    private final Executor blocking;
    private final StaticRoutes pages = new StaticRoutes();
    private final OutcomeExport export;

    public CampaignRoutes(CampaignService service, ProgressEvents events, OutcomeExport export, Executor blocking) {
        this.service = service;
        this.events = events;
        this.export = export;
        this.blocking = blocking;
    }

    public void register(Router router, ApiAuth auth) {
        router.add(HttpMethod.POST, "/api/v1/campaigns", auth.admin(this::create))
                .add(HttpMethod.GET, "/api/v1/campaigns", auth.admin(r -> async(() ->
                        Responses.json(HttpResponseStatus.OK, Map.of("campaigns", service.list(100))))))
                .add(HttpMethod.GET, "/api/v1/campaigns/{id}", auth.admin(r -> async(() ->
                        Responses.json(HttpResponseStatus.OK, service.view(r.pathParam("id"))))))
                .add(HttpMethod.GET, "/api/v1/campaigns/{id}/events", auth.admin(this::events))
                .add(HttpMethod.GET, "/api/v1/campaigns/{id}/recipients", auth.admin(this::recipients))
                .add(HttpMethod.GET, "/console/campaigns", r -> pages.serve("console/campaigns.html"));
        for (CampaignStatus.Command command : CampaignStatus.Command.values()) {
            String name = command.name().toLowerCase(Locale.ROOT);
            router.add(HttpMethod.POST, "/api/v1/campaigns/{id}/" + name, auth.admin(r -> async(() ->
                    Responses.json(HttpResponseStatus.OK, service.command(r.pathParam("id"), command,
                            "api: " + name)))));
        }
    }

    /** The body of {@code PUT …/audience} once streamed: runs the import and answers with its report. */
    public Reply.Full importAudience(String campaign, InputStream body) {
        ImportReport report = service.importAudience(campaign, body);
        if (!report.complete()) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("error", report.failure());
            out.put("audience", report);
            return Responses.json(HttpResponseStatus.BAD_REQUEST, out);
        }
        return Responses.json(HttpResponseStatus.OK, report);
    }

    private CompletableFuture<Reply> create(Request request) {
        var body = JsonBodies.object(request);
        return async(() -> {
            Map<String, Object> out = CampaignJson.of(service.create(body));
            out.put("status", "draft");
            return Responses.json(HttpResponseStatus.CREATED, out);
        });
    }

    private CompletableFuture<Reply> events(Request request) {
        String id = request.pathParam("id");
        return async(() -> {
            service.definition(id);
            return new Reply.Streamed((ctx, keepAlive) -> events.open(ctx, id));
        });
    }

    private CompletableFuture<Reply> recipients(Request request) {
        String id = request.pathParam("id");
        String outcome = request.queryParam("outcome").orElse(null);
        if (outcome != null && !List.of("sent", "failed", "unknown", "skipped").contains(outcome)) {
            throw HttpError.badRequest("outcome must be sent, failed, unknown or skipped");
        }
        return async(() -> {
            service.definition(id);
            return new Reply.Streamed((ctx, keepAlive) -> {
                ChunkedStream out = ChunkedStream.start(ctx, keepAlive, "text/csv; charset=utf-8", Map.of(
                        "Content-Disposition", "attachment; filename=\"campaign-" + id + "-recipients.csv\""));
                blocking.execute(() -> {
                    try {
                        out.write(CsvWriter.BOM + CsvWriter.row(List.of("recipient_id", "outcome", "reason",
                                "detail")));
                        Consumer<List<String>> row = line -> out.write(CsvWriter.row(line));
                        export.each(id, outcome, row);
                        out.end();
                    } catch (RuntimeException e) {
                        log.error("export of campaign {} recipients failed", id, e);
                        out.abort();
                    }
                });
            });
        });
    }

    private CompletableFuture<Reply> async(java.util.function.Supplier<Reply> work) {
        return CompletableFuture.supplyAsync(work, blocking);
    }
}
