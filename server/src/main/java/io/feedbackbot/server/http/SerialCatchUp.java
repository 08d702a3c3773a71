package io.feedbackbot.server.http;

import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Catching one live connection up with stored data (a mailbox, a transcript) on a worker thread, one pass at a
 * time: a request that arrives while a pass runs makes it run once more instead of starting a second reader, so
 * what is pushed goes out in order and once however many announcements arrive together.
 */
public final class SerialCatchUp {

    /** One pass: pushes what came after the connection's cursor; true when it stopped with more to read. */
    @FunctionalInterface
    public interface Pass {
        boolean run() throws Exception;
    }

    private final Executor executor;
    private final Pass pass;
    private final Consumer<Exception> failed;
    private boolean running;
    private boolean again;

    /** @param failed told when a pass throws; the next request starts afresh */
    public SerialCatchUp(Executor executor, Pass pass, Consumer<Exception> failed) {
        this.executor = executor;
        this.pass = pass;
        this.failed = failed;
    }

    /** Catches up now, or once more after the pass that is running. */
    public void request() {
        synchronized (this) {
            if (running) {
                again = true;
                return;
            }
            running = true;
        }
        executor.execute(this::drain);
    }

    private void drain() {
        try {
            while (true) {
                boolean more = pass.run();
                synchronized (this) {
                    if (!more && !again) {
                        running = false;
                        return;
                    }
                    again = false;
                }
            }
        } catch (Exception e) {
            synchronized (this) {
                running = false;
            }
            failed.accept(e);
        }
    }
}
