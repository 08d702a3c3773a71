package io.feedbackbot.bench.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs one target through its phases and writes what each measured as JSON: a closed-loop warm-up (not
 * recorded), a closed-loop run for the maximum, then an open-loop run at a fraction of that maximum (50 %) for
 * latency. Targets: {@code wechat}, {@code sms}, {@code webchat} (the real server) and {@code ceiling} (the bare
 * Netty server, sent the same WeChat pushes).
 *
 * <pre>LoadGenerator --target wechat --port 18080 [--connections 128] [--warmup 5] [--duration 15]
 *   [--customers 100000] [--fraction 0.5] [--rate R] [--run TAG] [--out FILE]</pre>
 */
public final class LoadGenerator {

    private LoadGenerator() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = options(args);
        String target = opt.getOrDefault("target", "wechat");
        int port = Integer.parseInt(opt.getOrDefault("port", "18080"));
        String host = "127.0.0.1:" + port;
        int connections = Integer.parseInt(opt.getOrDefault("connections", "128"));
        double warmup = Double.parseDouble(opt.getOrDefault("warmup", "5"));
        double duration = Double.parseDouble(opt.getOrDefault("duration", "15"));
        int customers = Integer.parseInt(opt.getOrDefault("customers", "20000"));
        double fraction = Double.parseDouble(opt.getOrDefault("fraction", "0.5"));
        String run = opt.getOrDefault("run", Long.toString(System.currentTimeMillis() % 100_000, 36));
        int runNumber = Math.floorMod(run.hashCode(), 100);

        Scenario scenario = switch (target) {
            case "wechat" -> new WechatScenario(host, run, 20);
            case "ceiling" -> new CeilingScenario(new WechatScenario(host, run, 20));
            case "sms" -> new SmsScenario(host, port, runNumber);
            case "webchat" -> new WebchatScenario(host, run);
            default -> throw new IllegalArgumentException("unknown target " + target);
        };
        RequestPool pool = new RequestPool(scenario);
        grow(pool, scenario, customers);

        List<PhaseResult> results = new ArrayList<>();
        try (LoadClient client = new LoadClient("127.0.0.1", port, connections, scenario, pool)) {
            if (warmup > 0) {
                PhaseResult warm = client.closed("warmup", warmup, false);
                print(warm);
                results.add(warm);
                grow(pool, scenario, client.started() + need(warm.throughput() * 1.5, duration, scenario));
            }
            PhaseResult max = client.closed("closed", duration, true);
            print(max);
            results.add(max);
            double rate = opt.containsKey("rate") ? Double.parseDouble(opt.get("rate")) : max.throughput() * fraction;
            if (rate > 0) {
                grow(pool, scenario, client.started() + need(rate, duration, scenario));
                PhaseResult open = client.open("open", rate, duration);
                print(open);
                results.add(open);
            }
        }
        if (opt.containsKey("out")) {
            Files.writeString(Path.of(opt.get("out")), new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(results));
        }
        System.exit(0);
    }

    /** Customers a phase of {@code seconds} at {@code rate} needs, with room to spare. */
    private static int need(double rate, double seconds, Scenario scenario) {
        return (int) Math.min(5_000_000, rate * seconds * 1.3 / scenario.steps()) + 2_000;
    }

    private static void grow(RequestPool pool, Scenario scenario, int customers) {
        if (scenario.reusable() && pool.built() > 0) {
            return;
        }
        long start = System.nanoTime();
        pool.ensure(scenario.reusable() ? 20_000 : customers);
        System.out.printf("%s: requests ready for %,d customers (%.1f s)%n", scenario.name(),
                scenario.reusable() ? 20_000 : customers, (System.nanoTime() - start) / 1e9);
    }

    private static void print(PhaseResult r) {
        System.out.printf("%-8s %-7s %8.0f req/s over %5.1f s  p50 %6d µs  p99 %7d µs  p99.9 %7d µs  max %7d µs"
                        + "  errors %d %s %s%n", r.scenario(), r.mode(), r.throughput(), r.seconds(), r.p50(), r.p99(),
                r.p999(), r.max(), r.errors(), r.errorKinds().isEmpty() ? "" : r.errorKinds(), r.note());
    }

    private static Map<String, String> options(String[] args) throws IOException {
        Map<String, String> out = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IOException("expected --name value pairs, got " + args[i]);
            }
            out.put(args[i].substring(2), args[++i]);
        }
        return out;
    }
}
