package io.feedbackbot.bench.campaign;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Campaign dispatch, measured through the campaign API as a marketer drives it: creates a web chat campaign (the
 * mailbox channel: the invitation is stored with the conversation, no provider involved) with pacing and fatigue
 * off and an all-day window, streams an audience of N generated recipients, schedules it, and polls progress until
 * every recipient has an outcome or the time cap passes; then cancels it, so that what the run measures next does
 * not share the machine with a dispatch still going. Recipients per second counts from the first poll that saw a
 * send to the last poll that saw progress; when the cap ends the dispatch, that is the rate of the part sent.
 * {@code CampaignDriver BASE_URL ADMIN_TOKEN RECIPIENTS CAP_SECONDS REDIS_SET_PER_S OUT.json}.
 */
public final class CampaignDriver {

    private static final ObjectMapper JSON = new ObjectMapper();

    private CampaignDriver() {
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String token = args[1];
        int recipients = Integer.parseInt(args[2]);
        int capSeconds = Integer.parseInt(args[3]);
        double redisSet = Double.parseDouble(args[4]);
        HttpClient http = HttpClient.newHttpClient();

        JsonNode created = call(http, HttpRequest.newBuilder(URI.create(base + "/api/v1/campaigns"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"name": "bench", "survey": "post-delivery-nps", "channel": "webchat", "account": "bench",
                         "window": {"days": "everyday", "from": "00:00", "to": "24:00"},
                         "pacing": "off", "fatigue": "off"}""")).build());
        String id = created.get("id").asText();
        long importStart = System.nanoTime();
        JsonNode imported = call(http, HttpRequest.newBuilder(URI.create(base + "/api/v1/campaigns/" + id + "/audience"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "text/csv")
                .PUT(HttpRequest.BodyPublishers.ofInputStream(() -> audience(recipients))).build());
        double importSeconds = (System.nanoTime() - importStart) / 1e9;
        System.out.printf("campaign %s: audience imported in %.1f s: %s%n", id, importSeconds, imported);
        call(http, HttpRequest.newBuilder(URI.create(base + "/api/v1/campaigns/" + id + "/schedule"))
                .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.noBody()).build());

        long start = System.nanoTime();
        long firstSendNanos = 0;
        long lastChangeNanos = start;
        long done = 0;
        while ((System.nanoTime() - start) / 1e9 < capSeconds) {
            Thread.sleep(500);
            JsonNode progress = call(http, HttpRequest.newBuilder(URI.create(base + "/api/v1/campaigns/" + id))
                    .header("Authorization", "Bearer " + token).GET().build()).path("progress");
            long now = progress.path("sent").asLong() + progress.path("failed").path("total").asLong()
                    + progress.path("unknown").asLong() + progress.path("skipped").path("total").asLong();
            if (now > 0 && firstSendNanos == 0) {
                firstSendNanos = System.nanoTime();
            }
            if (now != done) {
                lastChangeNanos = System.nanoTime();
                done = now;
                System.out.printf("  %,d of %,d recipients done%n", done, recipients);
            }
            if (done >= recipients) {
                break;
            }
        }
        if (done < recipients) {
            call(http, HttpRequest.newBuilder(URI.create(base + "/api/v1/campaigns/" + id + "/cancel"))
                    .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.noBody()).build());
        }
        double seconds = Math.max(0.5, (lastChangeNanos - (firstSendNanos == 0 ? start : firstSendNanos)) / 1e9 + 0.5);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("measured", true);
        out.put("campaign", id);
        out.put("recipients", recipients);
        out.put("done", done);
        out.put("complete", done >= recipients);
        out.put("imported", imported.path("imported").asLong());
        out.put("import_seconds", importSeconds);
        out.put("cap_seconds", capSeconds);
        out.put("seconds", String.format(java.util.Locale.ROOT, "%.1f", seconds));
        out.put("recipients_per_second", done / seconds);
        out.put("redis_set_per_second", redisSet);
        out.put("ratio", redisSet > 0 ? done / seconds / redisSet : 0);
        out.put("path", "web chat mailbox (provider-free), pacing off");
        Files.writeString(Path.of(args[5]), JSON.enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(out));
        System.out.println(out);
    }

    private static JsonNode call(HttpClient http, HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IOException(request.method() + " " + request.uri() + " -> " + response.statusCode() + " "
                    + response.body());
        }
        return JSON.readTree(response.body());
    }

    /** {@code id,customer} and one generated row per recipient, produced as it is read. */
    private static InputStream audience(int recipients) {
        Enumeration<InputStream> chunks = new Enumeration<>() {
            private int next = -1;

            @Override
            public boolean hasMoreElements() {
                return next < recipients;
            }

            @Override
            public InputStream nextElement() {
                if (!hasMoreElements()) {
                    throw new NoSuchElementException();
                }
                StringBuilder rows = new StringBuilder(64 * 1024);
                if (next < 0) {
                    rows.append("id,customer\n");
                    next = 0;
                }
                int end = Math.min(recipients, next + 2_000);
                for (; next < end; next++) {
                    rows.append('r').append(next).append(",bench-campaign-").append(next).append('\n');
                }
                return new java.io.ByteArrayInputStream(rows.toString().getBytes(StandardCharsets.UTF_8));
            }
        };
        return new SequenceInputStream(chunks);
    }
}
