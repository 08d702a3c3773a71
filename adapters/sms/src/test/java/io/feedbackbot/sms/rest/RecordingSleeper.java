package io.feedbackbot.sms.rest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A {@link Sleeper} that records the waits asked of it and returns at once, optionally running a hook. */
final class RecordingSleeper implements Sleeper {

    private final List<Duration> waits = new ArrayList<>();
    private Runnable onSleep = () -> { };

    RecordingSleeper onSleep(Runnable hook) {
        this.onSleep = hook;
        return this;
    }

    @Override
    public synchronized void sleep(Duration duration) {
        waits.add(duration);
        onSleep.run();
    }

    synchronized List<Duration> waits() {
        return List.copyOf(waits);
    }
}
