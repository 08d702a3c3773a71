package io.feedbackbot.wechat.retry;

import java.time.Duration;

/** Waits between attempts. Injected so that tests record the waits instead of sleeping. */
@FunctionalInterface
public interface Sleeper {

    void sleep(Duration duration) throws InterruptedException;

    /** The real thing. */
    Sleeper THREAD = duration -> Thread.sleep(duration.toMillis());
}
