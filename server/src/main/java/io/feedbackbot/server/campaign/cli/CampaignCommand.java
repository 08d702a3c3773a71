package io.feedbackbot.server.campaign.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code feedbackbot campaign …}: outbound survey campaigns from the terminal, against a running server's API:
 * create, import an audience (with a progress bar), schedule, pause, resume, cancel, and status (with
 * {@code --watch}, a live progress bar until the campaign ends).
 */
@Command(name = "campaign", mixinStandardHelpOptions = true,
        description = "Outbound survey campaigns: create, import, schedule, pause, resume, cancel, status.",
        subcommands = {CampaignCommand.Create.class, CampaignCommand.Import.class, CampaignCommand.Schedule.class,
                CampaignCommand.Pause.class, CampaignCommand.Resume.class, CampaignCommand.Cancel.class,
                CampaignCommand.Status.class})
public final class CampaignCommand implements Runnable {

    @Override
    public void run() {
        new picocli.CommandLine(this).usage(out());
    }

    /** Standard output, looked up each time so that tests can capture it. */
    static PrintStream out() {
        return System.out;
    }

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Create a draft campaign; prints its id.")
    static final class Create implements Callable<Integer> {
        @Mixin ServerOptions server;
        @Option(names = "--name") String name;
        @Option(names = "--survey", required = true) String survey;
        @Option(names = "--channel", required = true, description = "webchat, sms, wechat") String channel;
        @Option(names = "--account", required = true) String account;
        @Option(names = "--start", description = "e.g. 2026-05-06T09:00:00+08:00 (default: now)") String start;
        @Option(names = "--end", description = "default: a week after the start") String end;
        @Option(names = "--days", description = "weekdays (default), everyday, or MON,TUE,…") String days;
        @Option(names = "--from", description = "window opens, recipient's local time (default 09:00)") String from;
        @Option(names = "--to", description = "window closes (default 20:00; 24:00 for midnight)") String to;
        @Option(names = "--timezone", description = "for rows without one (default Asia/Shanghai)") String timezone;
        @Option(names = "--holidays", description = "holiday calendar, e.g. cn") String holidays;
        @Option(names = "--per-second", description = "messages per second on the account (default: the channel's)")
        Double perSecond;
        @Option(names = "--no-pacing", description = "send as fast as the nodes can") boolean noPacing;
        @Option(names = "--remind-after", description = "remind non-responders after, e.g. 24h") String remindAfter;
        @Option(names = "--max-reminders", defaultValue = "1") int maxReminders;
        @Option(names = "--expires-after", description = "e.g. 72h (default: the survey's)") String expiresAfter;
        @Option(names = "--fatigue", description = "e.g. 14d, or off (default: the server's)") String fatigue;
        @Option(names = "--language", description = "zh-CN or en, for rows without one") String language;
        @Option(names = "--file", description = "a JSON campaign as POST /api/v1/campaigns takes; other options add to it")
        Path file;

        @Override
        public Integer call() throws Exception {
            Map<String, Object> body = new LinkedHashMap<>();
            if (file != null) {
                new com.fasterxml.jackson.databind.ObjectMapper().readTree(Files.readString(file)).fields()
                        .forEachRemaining(e -> body.put(e.getKey(), e.getValue()));
            }
            put(body, "name", name);
            put(body, "survey", survey);
            put(body, "channel", channel);
            put(body, "account", account);
            put(body, "start", start);
            put(body, "end", end);
            Map<String, Object> window = new LinkedHashMap<>();
            put(window, "days", days == null ? null : days.contains(",") ? List.of(days.split(",")) : days);
            put(window, "from", from);
            put(window, "to", to);
            put(window, "timezone", timezone);
            put(window, "holidays", holidays);
            if (!window.isEmpty()) {
                body.put("window", window);
            }
            if (noPacing) {
                body.put("pacing", "off");
            } else if (perSecond != null) {
                body.put("pacing", Map.of("perSecond", perSecond));
            }
            if (remindAfter != null) {
                body.put("reminders", Map.of("after", remindAfter, "max", maxReminders));
            }
            put(body, "expiresAfter", expiresAfter);
            put(body, "fatigue", fatigue);
            put(body, "language", language);
            JsonNode created = server.client().post("/api/v1/campaigns", body);
            out().println(created.path("id").asText());
            return 0;
        }

        private static void put(Map<String, Object> map, String key, Object value) {
            if (value != null) {
                map.put(key, value);
            }
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Upload an audience CSV (id, phone|openid|customer, language, timezone, attributes…).")
    static final class Import implements Callable<Integer> {
        @Mixin ServerOptions server;
        @Parameters(index = "0", description = "campaign id") String id;
        @Parameters(index = "1", description = "CSV file (UTF-8 with or without BOM, or GBK)") Path file;

        @Override
        public Integer call() throws Exception {
            long size = Files.size(file);
            ProgressBar bar = new ProgressBar(System.err, System.console() != null);
            JsonNode report;
            try {
                report = server.client().put("/api/v1/campaigns/" + id + "/audience", file,
                        sent -> bar.show(sent, size, "bytes", sent == size ? "importing the last rows…" : ""));
            } catch (CliException e) {
                bar.finish();
                if (e.detail() != null) {
                    print(e.detail());
                }
                throw e;
            }
            bar.finish();
            print(report);
            return 0;
        }

        private static void print(JsonNode r) {
            out().printf("%s: %,d rows, %,d imported, %,d rejected%s; encoding %s; time zones %s%n",
                    r.path("state").asText(), r.path("rows").asLong(), r.path("imported").asLong(),
                    r.path("rejected").asLong(), CampaignText.reasons(r.path("rejectedByReason")),
                    r.path("encoding").asText(), r.path("zones"));
            int shown = 0;
            for (JsonNode e : r.path("errors")) {
                if (shown++ == 10) {
                    out().println("  … (GET /api/v1/campaigns/<id> lists the first 100)");
                    break;
                }
                out().println("  " + e.path("message").asText());
            }
        }
    }

    /** A lifecycle command: POST …/{command}, print the new status. */
    abstract static class Move implements Callable<Integer> {
        @Mixin ServerOptions server;
        @Parameters(index = "0", description = "campaign id") String id;

        abstract String command();

        @Override
        public Integer call() {
            JsonNode moved = server.client().post("/api/v1/campaigns/" + id + "/" + command(), Map.of());
            out().println(id + " is " + moved.path("status").asText());
            return 0;
        }
    }

    @Command(name = "schedule", mixinStandardHelpOptions = true, description = "Schedule a draft campaign.")
    static final class Schedule extends Move {
        String command() {
            return "schedule";
        }
    }

    @Command(name = "pause", mixinStandardHelpOptions = true, description = "Pause: no new sends on any node.")
    static final class Pause extends Move {
        String command() {
            return "pause";
        }
    }

    @Command(name = "resume", mixinStandardHelpOptions = true, description = "Resume a paused campaign.")
    static final class Resume extends Move {
        String command() {
            return "resume";
        }
    }

    @Command(name = "cancel", mixinStandardHelpOptions = true, description = "Cancel: nobody else is sent to.")
    static final class Cancel extends Move {
        String command() {
            return "cancel";
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "Definition, status and counts; --watch follows them live until the campaign ends.")
    static final class Status implements Callable<Integer> {
        @Mixin ServerOptions server;
        @Parameters(index = "0", description = "campaign id") String id;
        @Option(names = "--watch", description = "show a live progress bar until it completes or is cancelled")
        boolean watch;

        @Override
        public Integer call() {
            CampaignApiClient client = server.client();
            if (!watch) {
                out().print(CampaignText.render(client.get("/api/v1/campaigns/" + id)));
                return 0;
            }
            ProgressBar bar = new ProgressBar(System.err, System.console() != null);
            JsonNode[] last = {null};
            client.events("/api/v1/campaigns/" + id + "/events", view -> {
                last[0] = view;
                JsonNode p = view.path("progress");
                bar.show(CampaignText.handled(p), p.path("recipients").asLong(), "recipients",
                        view.path("status").asText() + ", sent " + p.path("sent").asLong() + ", skipped "
                                + p.path("skipped").path("total").asLong() + ", responded " + p.path("responded").asLong());
                if (List.of("completed", "cancelled").contains(view.path("status").asText())) {
                    throw new CampaignApiClient.StopWatching();
                }
            });
            bar.finish();
            if (last[0] != null) {
                out().print(CampaignText.render(last[0]));
            }
            return 0;
        }
    }
}
