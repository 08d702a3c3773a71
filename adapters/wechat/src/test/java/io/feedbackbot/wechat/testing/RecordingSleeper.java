package io.feedbackbot.wechat.testing;

import io.feedbackbot.wechat.retry.Sleeper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Records requested waits instead of sleeping; advances an optional clock by each wait, and runs an optional
 * action on each, so a test can let "another node" act while this one waits.
 */
public final class RecordingSleeper implements Sleeper {

    private final List<Duration> waits = new ArrayList<>();
    private final MutableClock clock;
    private Runnable onSleep = () -> { };

    public RecordingSleeper() {
        this(null);
    }

    public RecordingSleeper(MutableClock clock) {
        this.clock = clock;
    }

    public RecordingSleeper onSleep(Runnable action) {
        this.onSleep = action;
        return this;
    }

    @Override
    public synchronized void sleep(Duration duration) {
        waits.add(duration);
        if (clock != null) {
            clock.advance(duration);
        }
        onSleep.run();
    }

    public synchronized List<Duration> waits() {
        return List.copyOf(waits);
    }
}
