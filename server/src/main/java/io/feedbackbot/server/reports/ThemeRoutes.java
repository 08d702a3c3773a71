package io.feedbackbot.server.reports;

import io.feedbackbot.reports.aggregate.Cell;
import io.feedbackbot.reports.aggregate.LowText;
import io.feedbackbot.reports.query.CounterReader;
import io.feedbackbot.reports.text.ThemeFinder;
import io.feedbackbot.reports.time.BucketCover;
import io.feedbackbot.reports.time.DateRange;
import io.feedbackbot.reports.time.ReportingCalendar;
import io.feedbackbot.server.api.ApiAuth;
import io.feedbackbot.server.http.HttpError;
import io.feedbackbot.server.http.Reply;
import io.feedbackbot.server.http.Request;
import io.feedbackbot.server.http.Responses;
import io.feedbackbot.server.http.Router;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.resps.StreamEntry;

/**
 * {@code GET /api/v1/reports/themes?survey=&from=&to=&question=&limit=}: complaints by category (from the
 * counters) and the most frequent phrases in the free text of low-score runs, with example answers (from the
 * newest {@link #MAX_TEXTS} such texts in the range).
 */
public final class ThemeRoutes {

    static final int MAX_TEXTS = 20_000;
    private static final int PAGE = 2_000;

    private final UnifiedJedis redis;
    private final ReportKeys keys;
    private final CounterReader counters;
    private final ReportParameters parameters;
    private final ReportingCalendar calendar;
    private final Executor blocking;
    private final ThemeFinder finder = new ThemeFinder();

    ThemeRoutes(UnifiedJedis redis, ReportKeys keys, CounterReader counters, ReportParameters parameters,
                ReportingCalendar calendar, Executor blocking) {
        this.redis = redis;
        this.keys = keys;
        this.counters = counters;
        this.parameters = parameters;
        this.calendar = calendar;
        this.blocking = blocking;
    }

    public void register(Router router, ApiAuth auth) {
        router.add(HttpMethod.GET, "/api/v1/reports/themes", auth.require(ApiAuth.RESULTS, this::themes));
    }

    private CompletableFuture<Reply> themes(Request r) {
        String survey = parameters.survey(r).id();
        DateRange range = parameters.range(r, "from", "to", true);
        String question = r.queryParam("question").filter(q -> !q.isBlank()).orElse(null);
        int limit = r.queryParam("limit").map(ThemeRoutes::limit).orElse(20);
        return CompletableFuture.supplyAsync(() -> {
            Map<String, Long> complaints = new TreeMap<>();
            counters.read(survey, Cell.COMPLAINTS, Cell.CATEGORY, BucketCover.cover(range)).values().forEach(byCategory ->
                    byCategory.forEach((category, counts) -> complaints.merge(category, counts[0], Long::sum)));
            List<LowText> texts = lowTexts(survey, range, question);
            List<ThemeFinder.Theme<LowText>> themes = finder.find(texts, LowText::text, texts.size() < 5 ? 1 : 2, limit);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("survey", survey);
            out.put("from", range.from().toString());
            out.put("to", range.to().toString());
            out.put("complaints", complaints.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                    .map(e -> ordered("category", e.getKey(), "count", e.getValue())).toList());
            out.put("lowScoreTexts", texts.size());
            out.put("truncated", texts.size() >= MAX_TEXTS);
            out.put("phrases", themes.stream().map(ThemeRoutes::theme).toList());
            return Responses.json(HttpResponseStatus.OK, out);
        }, blocking);
    }

    /** Newest first, so examples are recent. */
    private List<LowText> lowTexts(String survey, DateRange range, String question) {
        String end = Long.toString(calendar.startOf(range.to().plusDays(1)).toEpochMilli() - 1);
        String start = Long.toString(calendar.startOf(range.from()).toEpochMilli());
        List<LowText> out = new ArrayList<>();
        String from = end;
        while (out.size() < MAX_TEXTS) {
            List<StreamEntry> page = redis.xrevrange(keys.lowTexts(survey), from, start, PAGE);
            for (StreamEntry e : page) {
                LowText t = LowText.decode(e.getID().toString(), e.getFields());
                if (question == null || question.equals(t.questionId())) {
                    out.add(t);
                }
            }
            if (page.size() < PAGE) {
                break;
            }
            from = "(" + page.get(page.size() - 1).getID();
        }
        return out.size() > MAX_TEXTS ? out.subList(0, MAX_TEXTS) : out;
    }

    private static Map<String, Object> theme(ThemeFinder.Theme<LowText> t) {
        Map<String, Object> out = ordered("phrase", t.phrase(), "count", t.count());
        out.put("examples", t.examples().stream().map(ThemeRoutes::example).toList());
        return out;
    }

    private static Map<String, Object> ordered(String k1, Object v1, String k2, Object v2) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put(k1, v1);
        out.put(k2, v2);
        return out;
    }

    private static Map<String, Object> example(LowText t) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("text", t.text());
        out.put("answerId", t.answerId());
        out.put("question", t.questionId());
        out.put("rating", ordered("type", t.ratingType(), "score", t.ratingScore()));
        out.put("store", t.store());
        out.put("touchpoint", t.touchpoint());
        out.put("at", t.at().toString());
        return out;
    }

    private static int limit(String text) {
        try {
            int n = Integer.parseInt(text.trim());
            if (n >= 1 && n <= 200) {
                return n;
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        throw HttpError.badRequest("limit must be a number from 1 to 200");
    }
}
