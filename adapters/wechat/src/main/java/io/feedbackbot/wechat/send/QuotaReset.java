package io.feedbackbot.wechat.send;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * How long to stay away after a quota error: 45011 (minute quota) one minute; 45009 (daily quota) until the next
 * midnight in China, when we assume the daily counters reset (the docs say "daily" without a time zone).
 */
final class QuotaReset {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private QuotaReset() {
    }

    static Duration retryAfter(int errcode, Instant now) {
        if (errcode == 45009) {
            ZonedDateTime midnight = now.atZone(CHINA).toLocalDate().plusDays(1).atStartOfDay(CHINA);
            return Duration.between(now, midnight.toInstant());
        }
        return Duration.ofMinutes(1);
    }
}
