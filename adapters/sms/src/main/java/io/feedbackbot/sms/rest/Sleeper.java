package io.feedbackbot.sms.rest;

import java.time.Duration;

/** Waits between retries. Injected so that tests record the waits instead of sleeping through them. */
@FunctionalInterface
public interface Sleeper {

    void sleep(Duration duration) throws InterruptedException;

    /** The real thing: {@link Thread#sleep}. */
    Sleeper THREAD = duration -> Thread.sleep(duration.toMillis());
}
