package io.feedbackbot.server.api;

import io.feedbackbot.core.answer.AnswerRecord;
import io.feedbackbot.core.answer.ResponseStore;
import io.feedbackbot.dialogs.survey.SurveyCatalog;
import io.feedbackbot.server.http.ChunkedStream;
import io.feedbackbot.server.http.HttpError;
import io.feedbackbot.server.http.Reply;
import io.feedbackbot.server.http.Request;
import io.feedbackbot.server.http.Responses;
import io.feedbackbot.server.http.Router;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.time.ZoneId;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /api/v1/responses?survey=ID&format=json|jsonl|csv}: every stored answer of a survey with all its
 * context, streamed page by page. With {@code limit} (and {@code after}), one JSON page with a {@code next} cursor.
 * Both take the {@link AnswerFilter} parameters (dates, question, store, touchpoint…), for drill-downs from a
 * report; a filtered page scans at most {@link #SCAN} stored answers and says where to go on.
 */
public final class ResponseRoutes {

    private static final Logger log = LoggerFactory.getLogger(ResponseRoutes.class);
    private static final int PAGE = 1_000;
    static final int SCAN = 20_000;
    private static final List<String> COLUMNS = List.of("answer_id", "survey", "question", "question_type", "scale",
            "value", "score", "status", "raw_text", "language", "channel", "account", "customer", "invitation_id",
            "campaign_id", "asked_at", "answered_at", "complaint_probability", "complaint_category");

    private final ResponseStore responses;
    private final SurveyCatalog catalog;
    private final Executor blocking;
    private final ZoneId zone;

    public ResponseRoutes(ResponseStore responses, SurveyCatalog catalog, Executor blocking) {
        this(responses, catalog, blocking, ZoneId.of("Asia/Shanghai"));
    }

    /** @param zone the reporting time zone the {@code from} and {@code to} days are in */
    public ResponseRoutes(ResponseStore responses, SurveyCatalog catalog, Executor blocking, ZoneId zone) {
        this.responses = responses;
        this.catalog = catalog;
        this.blocking = blocking;
        this.zone = zone;
    }

    public void register(Router router, ApiAuth auth) {
        router.add(HttpMethod.GET, "/api/v1/responses", auth.require(ApiAuth.RESULTS, this::list));
    }

    private CompletableFuture<Reply> list(Request request) {
        String survey = request.queryParam("survey").orElseThrow(() ->
                HttpError.badRequest("the survey query parameter is required"));
        if (catalog.survey(survey).isEmpty()) {
            throw HttpError.notFound("unknown survey '" + survey + "'");
        }
        String format = request.queryParam("format").orElse("json");
        AnswerFilter filter = AnswerFilter.of(request, zone);
        if (request.queryParam("limit").isPresent()) {
            if (!format.equals("json")) {
                throw HttpError.badRequest("limit and after page JSON only; leave them out to export " + format);
            }
            int limit = parseLimit(request.queryParam("limit").get());
            String after = request.queryParam("after").orElse(null);
            return CompletableFuture.supplyAsync(() -> filter.isEmpty() ? plainPage(survey, after, limit)
                    : filteredPage(survey, after, limit, filter), blocking);
        }
        return switch (format) {
            case "json" -> stream(survey, "application/json; charset=utf-8", "json", (s, out) -> json(s, out, filter));
            case "jsonl" -> stream(survey, "application/x-ndjson; charset=utf-8", "jsonl", (s, out) -> jsonl(s, out, filter));
            case "csv" -> stream(survey, "text/csv; charset=utf-8", "csv", (s, out) -> csv(s, out, filter));
            default -> throw HttpError.badRequest("format must be json, jsonl or csv");
        };
    }

    private Reply plainPage(String survey, String after, int limit) {
        ResponseStore.Page page = responses.page(survey, after, limit);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("responses", page.answers().stream().map(AnswerJson::of).toList());
        out.put("next", page.next());
        return Responses.json(HttpResponseStatus.OK, out);
    }

    /** Matching answers from {@code after} on, scanning at most {@link #SCAN}; {@code next} resumes the scan. */
    private Reply filteredPage(String survey, String after, int limit, AnswerFilter filter) {
        List<Map<String, Object>> found = new ArrayList<>();
        String cursor = after != null ? after : filter.startCursor();
        int scanned = 0;
        boolean end = false;
        while (found.size() < limit && scanned < SCAN && !end) {
            ResponseStore.Page page = responses.page(survey, cursor, PAGE);
            String next = page.next();
            List<AnswerRecord> answers = page.answers();
            for (int i = 0; i < answers.size(); i++) {
                AnswerRecord a = answers.get(i);
                if (filter.pastEnd(a)) {
                    end = true;
                    break;
                }
                if (filter.test(a)) {
                    found.add(AnswerJson.of(a));
                    if (found.size() == limit && i + 1 < answers.size() && !page.cursors().isEmpty()) {
                        next = page.cursors().get(i);
                        break;
                    }
                }
            }
            scanned += answers.size();
            cursor = next;
            end |= cursor == null;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("responses", found);
        out.put("next", end ? null : cursor);
        out.put("scanned", scanned);
        return Responses.json(HttpResponseStatus.OK, out);
    }

    private interface Exporter {
        void export(String survey, ChunkedStream out) throws Exception;
    }

    private CompletableFuture<Reply> stream(String survey, String contentType, String extension, Exporter exporter) {
        Map<String, String> headers = Map.of("Content-Disposition",
                "attachment; filename=\"responses-" + survey + "." + extension + "\"");
        return Responses.done(new Reply.Streamed((ChannelHandlerContext ctx, boolean keepAlive) -> {
            ChunkedStream out = ChunkedStream.start(ctx, keepAlive, contentType, headers);
            blocking.execute(() -> {
                try {
                    exporter.export(survey, out);
                    out.end();
                } catch (Exception e) {
                    log.error("export of survey {} failed", survey, e);
                    out.abort();
                }
            });
        }));
    }

    private void json(String survey, ChunkedStream out, AnswerFilter filter) throws Exception {
        out.write("{\"survey\":" + Responses.JSON.writeValueAsString(survey) + ",\"responses\":[");
        boolean[] first = {true};
        each(survey, filter, a -> {
            try {
                out.write((first[0] ? "\n" : ",\n") + Responses.JSON.writeValueAsString(AnswerJson.of(a)));
                first[0] = false;
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        });
        out.write("\n]}\n");
    }

    private void jsonl(String survey, ChunkedStream out, AnswerFilter filter) {
        each(survey, filter, a -> {
            try {
                out.write(Responses.JSON.writeValueAsString(AnswerJson.of(a)) + "\n");
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private void csv(String survey, ChunkedStream out, AnswerFilter filter) {
        Set<String> contextKeys = new LinkedHashSet<>();
        each(survey, filter, a -> contextKeys.addAll(a.context().keySet()));
        List<String> header = new ArrayList<>(COLUMNS);
        contextKeys.forEach(k -> header.add("context." + k));
        out.write(CsvWriter.BOM + CsvWriter.row(header));
        each(survey, filter, a -> {
            List<String> row = new ArrayList<>(List.of(a.answerId(), a.surveyId(), a.questionId(), a.questionType(),
                    Objects.toString(a.scale(), ""), Objects.toString(a.value(), ""),
                    Objects.toString(a.score(), ""), a.status().name().toLowerCase(java.util.Locale.ROOT),
                    Objects.toString(a.rawText(), ""), a.language().tag(), a.key().channel(), a.key().account(),
                    a.key().customer(), a.invitationId(), Objects.toString(a.campaignId(), ""),
                    a.askedAt() == null ? "" : a.askedAt().toString(), a.answeredAt().toString(),
                    Objects.toString(a.complaintProbability(), ""), Objects.toString(a.complaintCategory(), "")));
            contextKeys.forEach(k -> row.add(a.context().getOrDefault(k, "")));
            out.write(CsvWriter.row(row));
        });
    }

    private void each(String survey, AnswerFilter filter, Consumer<AnswerRecord> action) {
        String cursor = filter.startCursor();
        do {
            ResponseStore.Page page = responses.page(survey, cursor, PAGE);
            for (AnswerRecord a : page.answers()) {
                if (filter.pastEnd(a)) {
                    return;
                }
                if (filter.test(a)) {
                    action.accept(a);
                }
            }
            cursor = page.next();
        } while (cursor != null);
    }

    private static int parseLimit(String text) {
        try {
            int n = Integer.parseInt(text);
            if (n >= 1 && n <= 10_000) {
                return n;
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        throw HttpError.badRequest("limit must be a number from 1 to 10000");
    }
}
