package io.feedbackbot.server.campaign.cli;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A one-line textual progress bar for the terminal: redrawn in place ({@code \r}) when the output is a terminal,
 * else printed as a new line at most every tenth of the way, so logs of scripted runs stay short.
 */
final class ProgressBar {

    static final int WIDTH = 30;

    private final PrintStream out;
    private final boolean terminal;
    private int lastTenth = -1;
    private String last = "";

    ProgressBar(PrintStream out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    /** Draws {@code done} of {@code total} with a label such as {@code rows} and an optional note. */
    void show(long done, long total, String unit, String note) {
        String line = render(done, total, unit, note);
        if (terminal) {
            out.print("\r" + line + " ".repeat(Math.max(0, last.length() - line.length())));
            out.flush();
        } else {
            int tenth = total <= 0 ? 0 : (int) Math.min(10, done * 10 / total);
            if (tenth != lastTenth) {
                out.println(line);
                lastTenth = tenth;
            }
        }
        last = line;
    }

    /** Ends the bar's line. */
    void finish() {
        if (terminal && !last.isEmpty()) {
            out.println();
        }
    }

    static String render(long done, long total, String unit, String note) {
        double share = total <= 0 ? 0 : Math.min(1.0, (double) done / total);
        int filled = (int) Math.round(share * WIDTH);
        return String.format(Locale.ROOT, "[%s%s] %3d%% %,d/%,d %s%s", "#".repeat(filled), ".".repeat(WIDTH - filled),
                Math.round(share * 100), done, total, unit, note == null || note.isEmpty() ? "" : "  " + note);
    }
}
