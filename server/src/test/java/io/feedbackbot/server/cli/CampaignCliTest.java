package io.feedbackbot.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.feedbackbot.server.testing.TestServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code feedbackbot campaign …} against a running server, as a marketer would type it. */
class CampaignCliTest {

    @TempDir
    Path dir;

    private final TestServer server = TestServer.start("", Clock.systemUTC());

    @AfterEach
    void stop() {
        server.close();
    }

    /** Runs the CLI, returning exit code, standard output and error. */
    private String[] run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(errors, true, StandardCharsets.UTF_8));
            int code = Main.commandLine().execute(args);
            return new String[] {Integer.toString(code), captured.toString(StandardCharsets.UTF_8),
                    errors.toString(StandardCharsets.UTF_8)};
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    private String[] campaign(String... args) {
        String[] all = new String[args.length + 5];
        all[0] = "campaign";
        System.arraycopy(args, 0, all, 1, args.length);
        all[args.length + 1] = "--url";
        all[args.length + 2] = server.url("");
        all[args.length + 3] = "--data-dir";
        all[args.length + 4] = dir.toString();
        return run(all);
    }

    @Test
    void aMarketerRunsACampaignFromTheTerminal() throws Exception {
        Files.writeString(dir.resolve("admin-token"), TestServer.TOKEN + "\n");
        Path csv = dir.resolve("audience.csv");
        Files.writeString(csv, "id,customer,store\nr1,cli-1,SH-001\nr2,cli-2,SH-002\n,cli-3,SH-003\n");

        String[] created = campaign("create", "--name", "CLI NPS", "--survey", "post-delivery-nps", "--channel",
                "webchat", "--account", "demo", "--days", "everyday", "--from", "00:00", "--to", "24:00",
                "--no-pacing", "--fatigue", "off");
        assertEquals("0", created[0], created[2]);
        String id = created[1].strip();

        String[] imported = campaign("import", id, csv.toString());
        assertEquals("0", imported[0], imported[2]);
        assertTrue(imported[1].startsWith("complete: 3 rows, 2 imported, 1 rejected (missing_id 1); encoding us-ascii"),
                imported[1]);
        assertTrue(imported[1].contains("line 4 has no id"), imported[1]);
        assertTrue(imported[2].contains("100% "), "the progress bar reached the end: " + imported[2]);

        assertEquals(id + " is scheduled\n", campaign("schedule", id)[1]);
        String[] watched = campaign("status", id, "--watch");
        assertEquals("0", watched[0], watched[2]);
        assertTrue(watched[1].contains("COMPLETED"), watched[1]);
        assertTrue(watched[1].contains("recipients 2  pending 0  sent 2"), watched[1]);
        assertTrue(watched[2].contains("[##############################] 100% 2/2 recipients"), watched[2]);
    }

    @Test
    void aCommandThatDoesNotApplySaysWhy() {
        String[] result = campaign("pause", "c-missing", "--token", TestServer.TOKEN);

        assertEquals("1", result[0]);
        assertEquals("feedbackbot: unknown campaign 'c-missing'\n", result[2]);
    }
}
