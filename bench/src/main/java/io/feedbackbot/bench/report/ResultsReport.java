package io.feedbackbot.bench.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * Writes {@code bench/RESULTS.md} from one run's output directory: the machine, one table per measurement, the
 * targets met or missed, the commands, and then the hand-written findings ({@code bench/FINDINGS.md}, the profile
 * and what was changed) verbatim. It only formats what the run wrote; a measurement the run did not make is
 * reported as not measured. {@code ResultsReport RUN_DIR FINDINGS.md RESULTS.md}.
 */
public final class ResultsReport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> CHANNELS = List.of("wechat", "sms", "webchat");

    private final Path run;
    private final Properties machine = new Properties();
    private final StringBuilder out = new StringBuilder();

    private ResultsReport(Path run) throws IOException {
        this.run = run;
        machine.load(new StringReader(Files.readString(run.resolve("machine.properties"))));
    }

    public static void main(String[] args) throws IOException {
        ResultsReport report = new ResultsReport(Path.of(args[0]));
        String findings = Files.isRegularFile(Path.of(args[1])) ? Files.readString(Path.of(args[1])) : "";
        Files.writeString(Path.of(args[2]), report.write() + findings);
    }

    private String write() throws IOException {
        line("# Benchmark results");
        line("");
        line("Written by `bench/run.sh` (`./feedbackbot bench`) from the run in `bench/target/run`; every number below "
                + "was measured in that one run, side by side on one machine. Absolute numbers depend on the machine "
                + "and on what else it runs; the ratios are what count.");
        line("");
        machine();
        JsonNode ceiling = phases("ceiling");
        webhooks(ceiling);
        targets(ceiling);
        memory();
        redisBenchmark();
        campaign();
        jmh();
        commands();
        return out.toString();
    }

    private void machine() {
        line("## Machine");
        line("");
        line("| | |");
        line("|---|---|");
        for (String[] row : new String[][] {{"CPU", "cpu"}, {"cores", "cores"}, {"RAM", "ram"}, {"OS", "os"},
                {"JDK", "jdk"}, {"Redis", "redis"}, {"server JVM options", "server_opts"},
                {"engine lanes", "lanes"}, {"load generator connections", "connections"},
                {"load average before / after (1, 5, 15 min)", "load_before"}, {"commit", "commit"},
                {"provider API calls during the run (stub)", "stub_calls"}, {"whole run, seconds", "total_seconds"}}) {
            String value = machine.getProperty(row[1], "?");
            if (row[1].equals("load_before")) {
                value = value + " / " + machine.getProperty("load_after", "?");
            }
            line("| " + row[0] + " | " + value + " |");
        }
        line("");
        line("Redis runs with `appendonly yes`, `appendfsync always` (the embedded default, `embeddedFsync: always`) "
                + "unless a row says `everysec`. Load generator, server, ceiling server and Redis share the machine's "
                + "cores; nothing is pinned.");
        line("");
    }

    private void webhooks(JsonNode ceiling) throws IOException {
        line("## 1. Webhook path");
        line("");
        line("Closed loop (" + machine.getProperty("connections") + " keep-alive connections, one request in flight "
                + "each) gives the maximum; then an open loop at 50 % of that maximum gives latency, measured from "
                + "each request's intended send time. Each customer takes three survey turns in order (greeting → "
                + "NPS question; score → follow-up question; reason → thanks) and every answer is checked (WeChat: "
                + "every reply must be an encrypted passive reply; one in 20 is decrypted and verified as WeChat "
                + "would). Errors: wrong or missing answers, non-200, dropped connections. Phases: "
                + machine.getProperty("warmup") + " s warm-up, " + machine.getProperty("duration")
                + " s closed loop, " + machine.getProperty("duration") + " s open loop.");
        line("");
        line("| path | max msg/s | of ceiling | open-loop rate | p50 ms | p99 ms | p99.9 ms | errors | CPU µs/msg: server | Redis | server heap used (max) | GC |");
        line("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        double ceilingMax = ceiling == null ? 0 : phase(ceiling, "closed").get("throughput").asDouble();
        row("bare Netty `success` (ceiling)", "ceiling", ceilingMax, false);
        for (String channel : CHANNELS) {
            row(channel + " full path", channel, ceilingMax, true);
        }
        row("wechat full path, `appendfsync everysec`", "wechat-everysec", ceilingMax, false);
        line("");
        line("CPU µs/msg: CPU time (user + system, from `/proc`) that the server process (for the ceiling: the "
                + "bare Netty process) and Redis spent during the target's whole load run, divided by the requests "
                + "answered in it, warm-up included. Less sensitive to a busy machine than the rates.");
        line("");
    }

    /** The phase of a load run with the given mode ({@code warmup}, {@code closed}, {@code open}), or null. */
    static JsonNode phase(JsonNode phases, String mode) {
        for (JsonNode p : phases) {
            if (p.get("mode").asText().equals(mode)) {
                return p;
            }
        }
        return null;
    }

    private void row(String label, String name, double ceilingMax, boolean heapSampled) throws IOException {
        JsonNode phases = phases(name);
        if (phases == null || phase(phases, "closed") == null) {
            line("| " + label + " | not measured | | | | | | | | | | |");
            return;
        }
        JsonNode closed = phase(phases, "closed");
        JsonNode open = phase(phases, "open");
        String heapOf = heapSampled ? name : "";
        long requests = 0;
        for (JsonNode p : phases) {
            requests += p.get("completed").asLong() + p.get("errors").asLong();
        }
        Properties cpu = new Properties();
        Path cpuFile = run.resolve("cpu-" + name + ".properties");
        if (Files.isRegularFile(cpuFile)) {
            cpu.load(new StringReader(Files.readString(cpuFile)));
        }
        String serverCpu = perMessage(cpu.getProperty("target_cpu_s"), requests);
        String redisCpu = name.equals("ceiling") ? "—" : perMessage(cpu.getProperty("redis_cpu_s"), requests);
        long errors = closed.get("errors").asLong() + (open == null ? 0 : open.get("errors").asLong());
        String ratio = ceilingMax > 0 ? pct(closed.get("throughput").asDouble() / ceilingMax) : "";
        Heap heap = heapOf.isEmpty() ? null : Heap.read(run.resolve("heap-" + heapOf + ".txt"));
        line("| " + label + " | " + num(closed.get("throughput").asDouble()) + " | " + ratio + " | "
                + (open == null ? "" : num(open.get("targetRate").asDouble())) + " | "
                + (open == null ? "" : ms(open.get("p50"))) + " | " + (open == null ? "" : ms(open.get("p99"))) + " | "
                + (open == null ? "" : ms(open.get("p999"))) + " | " + errors + errorKinds(closed, open) + " | "
                + serverCpu + " | " + redisCpu + " | " + (heap == null ? "" : heap.maxUsedMb() + " MB") + " | " + (heap == null ? "" : heap.gc()) + " |");
    }

    private static String perMessage(String seconds, long requests) {
        if (seconds == null || requests == 0) {
            return "";
        }
        return String.format(Locale.ROOT, "%,.0f", Double.parseDouble(seconds) * 1e6 / requests);
    }

    private static String errorKinds(JsonNode closed, JsonNode open) {
        StringBuilder kinds = new StringBuilder();
        for (JsonNode phase : new JsonNode[] {closed, open}) {
            if (phase != null) {
                phase.get("errorKinds").fields().forEachRemaining(e -> kinds.append(kinds.length() == 0 ? " (" : "; ")
                        .append(e.getKey()).append(": ").append(e.getValue().asLong()));
            }
        }
        return kinds.length() == 0 ? "" : kinds + ")";
    }

    private void targets(JsonNode ceiling) throws IOException {
        line("## Targets");
        line("");
        line("| target | measured | met? |");
        line("|---|---|---|");
        JsonNode wechat = phases("wechat");
        if (ceiling != null && wechat != null) {
            double ratio = phase(wechat, "closed").get("throughput").asDouble()
                    / phase(ceiling, "closed").get("throughput").asDouble();
            target("WeChat full path ≥ 20 % of the bare-Netty ceiling", pct(ratio), ratio >= 0.20);
            JsonNode open = phase(wechat, "open");
            long p99 = open == null ? Long.MAX_VALUE : open.get("p99").asLong();
            target("WeChat p99 ≤ 20 ms at 50 % load", ms(open == null ? null : open.get("p99")) + " ms", p99 <= 20_000);
        }
        long errors = 0;
        for (String channel : CHANNELS) {
            JsonNode p = phases(channel);
            if (p != null) {
                for (JsonNode phase : p) {
                    if (!phase.get("mode").asText().equals("warmup")) {
                        errors += phase.get("errors").asLong();
                    }
                }
            }
        }
        target("zero errors (all three channels, both loops)", Long.toString(errors), errors == 0);
        JsonNode campaign = json("campaign.json");
        if (campaign != null && campaign.path("measured").asBoolean(true) && campaign.has("recipients_per_second")) {
            double rate = campaign.get("recipients_per_second").asDouble();
            target("≥ 10,000 campaign sends per second", num(rate) + "/s", rate >= 10_000);
        } else {
            line("| ≥ 10,000 campaign sends per second | not measured (see below) | — |");
        }
        JsonNode memory = json("memory.json");
        if (memory != null) {
            long conversation = 0;
            for (String channel : CHANNELS) {
                conversation = Math.max(conversation, memory.path("conversation." + channel)
                        .path("bytes_per_conversation").asLong());
            }
            target("≤ 2 KB of Redis per active conversation (largest channel)", conversation + " B",
                    conversation <= 2048);
            long answer = memory.path("answers").path("bytes_per_answer").asLong();
            target("≤ 600 B of Redis per stored answer (with its dedupe marker)", answer + " B", answer <= 600);
        }
        JsonNode jmh = json("jmh.json");
        if (jmh != null) {
            for (JsonNode b : jmh) {
                if (b.get("benchmark").asText().endsWith("ComplaintClassifierBenchmark.assess")) {
                    double p50 = b.get("primaryMetric").get("scorePercentiles").get("50.0").asDouble();
                    target("complaint classification ≤ 50 µs (median)", String.format(Locale.ROOT, "%.1f µs", p50),
                            p50 <= 50);
                }
            }
        }
        line("");
    }

    private void target(String name, String measured, boolean met) {
        line("| " + name + " | " + measured + " | " + (met ? "yes" : "**no**") + " |");
    }

    private void memory() throws IOException {
        line("## 4. Memory");
        line("");
        JsonNode memory = json("memory.json");
        if (memory == null) {
            line("Not measured.");
            line("");
            return;
        }
        line("`MEMORY USAGE key SAMPLES 0` after the load runs, over up to 1,000 conversations per channel that are "
                + "mid-survey (their state holds a running survey): every key under the conversation's hash tag.");
        line("");
        line("| channel | conversations | bytes per active conversation | by key |");
        line("|---|---:|---:|---|");
        for (String channel : CHANNELS) {
            JsonNode c = memory.path("conversation." + channel);
            StringBuilder parts = new StringBuilder();
            c.path("bytes_by_part").fields().forEachRemaining(e -> parts.append(parts.length() == 0 ? "" : ", ")
                    .append('`').append(e.getKey()).append("` ").append(e.getValue().asLong()));
            line("| " + channel + " | " + c.path("conversations").asLong() + " | "
                    + c.path("bytes_per_conversation").asLong() + " | " + parts + " |");
        }
        JsonNode a = memory.path("answers");
        line("");
        line("| stored answers | answer stream bytes | per answer: stream | per answer: dedupe marker | per answer |");
        line("|---:|---:|---:|---:|---:|");
        line("| " + a.path("answers").asLong() + " | " + a.path("stream_bytes").asLong() + " | "
                + a.path("stream_bytes_per_answer").asLong() + " | " + a.path("marker_bytes_per_answer").asLong()
                + " | " + a.path("bytes_per_answer").asLong() + " |");
        line("");
        line("Redis after the run: " + memory.path("dbsize").asLong() + " keys, used_memory "
                + memory.path("used_memory").asText() + " bytes. Server heap under load: the heap column of the "
                + "webhook table (`jstat -gc` every second, young + old used).");
        line("");
    }

    private void redisBenchmark() throws IOException {
        line("## redis-benchmark");
        line("");
        line("| command | appendfsync | requests/s | p50 ms |");
        line("|---|---|---:|---:|");
        for (String mode : List.of("always", "everysec")) {
            Path file = run.resolve("redis-benchmark-" + mode + ".csv");
            if (!Files.isRegularFile(file)) {
                continue;
            }
            for (String csv : Files.readAllLines(file)) {
                String[] f = csv.replace("\"", "").split(",");
                if (f.length > 2 && !f[0].equals("test")) {
                    line("| " + f[0] + " | " + mode + " | " + num(Double.parseDouble(f[1])) + " | "
                            + (f.length > 4 ? f[4] : "") + " |");
                }
            }
        }
        line("");
    }

    private void campaign() throws IOException {
        line("## 2. Campaign dispatch");
        line("");
        JsonNode campaign = json("campaign.json");
        if (campaign == null || !campaign.path("measured").asBoolean(true)) {
            line("Not measured in this run: " + (campaign == null ? "no output" : campaign.path("reason").asText())
                    + ". The step is marked in `bench/run.sh`.");
        } else {
            line("| audience imported | import s | recipients done | dispatch s | recipients/s | "
                    + "redis-benchmark SET/s (same run) | ratio | path |");
            line("|---:|---:|---:|---:|---:|---:|---:|---|");
            line("| " + num(campaign.path("imported").asDouble()) + " | "
                    + dec(campaign.path("import_seconds")) + " | " + num(campaign.path("done").asDouble())
                    + (campaign.path("complete").asBoolean() ? "" : " (cap " + campaign.path("cap_seconds").asInt()
                    + " s reached, then cancelled)") + " | " + campaign.path("seconds").asText() + " | "
                    + num(campaign.path("recipients_per_second").asDouble()) + " | "
                    + num(campaign.path("redis_set_per_second").asDouble()) + " | "
                    + pct(campaign.path("ratio").asDouble()) + " | " + campaign.path("path").asText() + " |");
        }
        line("");
    }

    private void jmh() throws IOException {
        line("## 3. Understanding (JMH, sample mode)");
        line("");
        JsonNode jmh = json("jmh.json");
        if (jmh == null) {
            line("Not measured.");
            line("");
            return;
        }
        line("| benchmark | p50 µs | p90 µs | p99 µs | mean µs |");
        line("|---|---:|---:|---:|---:|");
        for (JsonNode b : jmh) {
            JsonNode p = b.get("primaryMetric").get("scorePercentiles");
            String name = b.get("benchmark").asText();
            line("| `" + name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1) + "` | "
                    + dec(p.get("50.0")) + " | " + dec(p.get("90.0")) + " | " + dec(p.get("99.0")) + " | "
                    + dec(b.get("primaryMetric").get("score")) + " |");
        }
        line("");
    }

    private void commands() {
        line("## Commands");
        line("");
        line("Each measurement as the run made it (ports are free ports chosen per run):");
        line("");
        line("```");
        line("redis-server --appendonly yes --appendfsync always --save ''");
        line("java " + machine.getProperty("server_opts") + " -jar server/target/feedbackbot.jar serve --config "
                + "bench/target/run/bench.yaml   # written by BenchConfig");
        line("java -cp bench/target/benchmarks.jar io.feedbackbot.bench.ceiling.BareNettyServer PORT");
        line("java -Xmx3g -cp bench/target/benchmarks.jar io.feedbackbot.bench.load.LoadGenerator --target "
                + "ceiling|wechat|sms|webchat --port PORT --connections " + machine.getProperty("connections")
                + " --warmup " + machine.getProperty("warmup") + " --duration " + machine.getProperty("duration"));
        line("jstat -gc SERVER_PID 1000");
        line("java -cp bench/target/benchmarks.jar io.feedbackbot.bench.memory.RedisMemoryProbe redis://… memory.json 1000");
        line("redis-benchmark -t set -n 200000 -c 50 -r 100000000 --csv");
        line("redis-cli config set appendfsync everysec   # then the WeChat load again");
        line("java -cp bench/target/benchmarks.jar io.feedbackbot.bench.campaign.CampaignDriver http://… TOKEN "
                + machine.getProperty("campaign_recipients") + " " + machine.getProperty("campaign_seconds")
                + " SET_PER_S campaign.json");
        line("java -jar bench/target/benchmarks.jar 'AnswerParserBenchmark|ComplaintClassifierBenchmark.assess|"
                + "WechatCodecBenchmark' -f 1 -wi 3 -w 2 -i 5 -r 2");
        line("```");
        line("");
    }

    private JsonNode phases(String name) throws IOException {
        JsonNode node = json("load-" + name + ".json");
        return node == null || node.isEmpty() ? null : node;
    }

    private JsonNode json(String file) throws IOException {
        Path path = run.resolve(file);
        return Files.isRegularFile(path) ? JSON.readTree(path.toFile()) : null;
    }

    private void line(String text) {
        out.append(text).append('\n');
    }

    private static String num(double value) {
        return String.format(Locale.ROOT, "%,.0f", value);
    }

    private static String pct(double value) {
        return String.format(Locale.ROOT, "%.1f %%", value * 100);
    }

    private static String ms(JsonNode micros) {
        return micros == null ? "" : String.format(Locale.ROOT, "%.1f", micros.asLong() / 1000.0);
    }

    private static String dec(JsonNode value) {
        return value == null ? "" : String.format(Locale.ROOT, "%.1f", value.asDouble());
    }
}
