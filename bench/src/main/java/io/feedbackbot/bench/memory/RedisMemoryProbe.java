package io.feedbackbot.bench.memory;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * Measures what the benchmark left in Redis with {@code MEMORY USAGE … SAMPLES 0} (exact): bytes per active
 * conversation (one mid-survey, by channel: every key under its hash tag, split by part) and bytes per stored
 * answer (the answer stream divided by its length, plus each answer's dedupe marker). Reads only; run it after a
 * load run. {@code RedisMemoryProbe REDIS_URL OUT.json [SAMPLE]}.
 */
public final class RedisMemoryProbe {

    private static final String PREFIX = "fb:";

    private RedisMemoryProbe() {
    }

    public static void main(String[] args) throws Exception {
        int sample = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
        Map<String, Object> out = new LinkedHashMap<>();
        try (Jedis redis = new Jedis(java.net.URI.create(args[0]))) {
            Map<String, List<String>> byConversation = conversations(redis);
            for (String channel : List.of("wechat", "sms", "webchat")) {
                out.put("conversation." + channel, activeConversations(redis, byConversation, channel, sample));
            }
            out.put("answers", answers(redis, "post-delivery-nps", sample));
            out.put("dbsize", redis.dbSize());
            out.put("used_memory", info(redis, "used_memory"));
        }
        String json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(out);
        Files.writeString(Path.of(args[1]), json);
        System.out.println(json);
    }

    /** Every conversation key, grouped by the conversation's hash tag. */
    private static Map<String, List<String>> conversations(Jedis redis) {
        Map<String, List<String>> groups = new HashMap<>();
        String cursor = ScanParams.SCAN_POINTER_START;
        ScanParams params = new ScanParams().match(PREFIX + "{conv:*").count(5_000);
        do {
            ScanResult<String> page = redis.scan(cursor, params);
            for (String key : page.getResult()) {
                int close = key.indexOf('}');
                groups.computeIfAbsent(key.substring(0, close + 1), k -> new ArrayList<>()).add(key);
            }
            cursor = page.getCursor();
        } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
        return groups;
    }

    /** Conversations of {@code channel} that are mid-survey, up to {@code sample} of them: mean bytes, by part. */
    private static Map<String, Object> activeConversations(Jedis redis, Map<String, List<String>> groups,
                                                           String channel, int sample) {
        String tag = PREFIX + "{conv:" + channel + ":";
        Map<String, Long> byPart = new TreeMap<>();
        long total = 0;
        int measured = 0;
        for (Map.Entry<String, List<String>> group : groups.entrySet()) {
            if (measured >= sample) {
                break;
            }
            if (!group.getKey().startsWith(tag)) {
                continue;
            }
            String state = redis.get(group.getKey() + ":state");
            if (state == null || !state.contains("\"run\":")) {
                continue;
            }
            measured++;
            for (String key : group.getValue()) {
                Long bytes = redis.memoryUsage(key, 0);
                if (bytes == null) {
                    continue;
                }
                total += bytes;
                byPart.merge(part(key), bytes, Long::sum);
            }
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("conversations", measured);
        result.put("bytes_per_conversation", measured == 0 ? 0 : total / measured);
        Map<String, Long> mean = new LinkedHashMap<>();
        int n = Math.max(1, measured);
        byPart.forEach((part, bytes) -> mean.put(part, bytes / n));
        result.put("bytes_by_part", mean);
        return result;
    }

    /** A key's part after the hash tag, with per-message ids folded ({@code wx:reply:*}). */
    static String part(String key) {
        String part = key.substring(key.indexOf('}') + 2);
        int second = part.indexOf(':', part.indexOf(':') + 1);
        return part.startsWith("wx:reply:") || part.startsWith("wx:sent:") ? part.substring(0, second) + ":*"
                : part.startsWith("sms-reply:") ? "sms-reply:*" : part;
    }

    /** Bytes per stored answer: the stream's share plus its dedupe marker (sampled). */
    private static Map<String, Object> answers(Jedis redis, String survey, int sample) {
        String base = PREFIX + "{survey:" + survey + "}:";
        long streamBytes = orZero(redis.memoryUsage(base + "answers", 0));
        long entries = redis.xlen(base + "answers");
        long markers = 0;
        long markerBytes = 0;
        String cursor = ScanParams.SCAN_POINTER_START;
        ScanParams params = new ScanParams().match(base + "seen:*").count(5_000);
        do {
            ScanResult<String> page = redis.scan(cursor, params);
            for (String key : page.getResult()) {
                String id = key.substring((base + "seen:").length());
                boolean event = id.endsWith("/STARTED") || id.contains("/ENDED");
                if (!event && markers < sample) {
                    markerBytes += orZero(redis.memoryUsage(key, 0));
                    markers++;
                }
            }
            cursor = page.getCursor();
        } while (!cursor.equals(ScanParams.SCAN_POINTER_START) && markers < sample);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("answers", entries);
        result.put("stream_bytes", streamBytes);
        long perEntry = entries == 0 ? 0 : streamBytes / entries;
        long perMarker = markers == 0 ? 0 : markerBytes / markers;
        result.put("stream_bytes_per_answer", perEntry);
        result.put("marker_bytes_per_answer", perMarker);
        result.put("bytes_per_answer", perEntry + perMarker);
        long events = redis.xlen(base + "events");
        result.put("events", events);
        result.put("events_stream_bytes", orZero(redis.memoryUsage(base + "events", 0)));
        return result;
    }

    private static long orZero(Long value) {
        return value == null ? 0 : value;
    }

    private static String info(Jedis redis, String field) {
        for (String line : redis.info("memory").split("\r\n")) {
            if (line.startsWith(field + ":")) {
                return line.substring(field.length() + 1);
            }
        }
        return "";
    }
}
