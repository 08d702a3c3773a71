package io.feedbackbot.server.sms;

import io.feedbackbot.sms.delivery.DeliveryStatus;
import io.feedbackbot.sms.delivery.DeliveryTracker;
import io.feedbackbot.sms.rest.SendResult;
import io.feedbackbot.sms.segment.SegmentCount;
import io.feedbackbot.sms.send.JournalEntry;
import io.feedbackbot.sms.send.SendIntent;
import io.feedbackbot.sms.send.SendJournal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one SMS on an account at most once per intent id, and keeps the books of what was accepted: the sid →
 * delivery record for status callbacks, the initial delivery status, and the account's daily segment counters.
 * An intent the journal already holds with an outcome (accepted, rejected, unknown) is never handed to the provider
 * again; only a {@code not_sent} one may be. A pending one (recorded, no outcome: in flight, or cut off by a crash)
 * is left to {@link io.feedbackbot.sms.send.SmsSender}, which waits until it is stale and settles it against the
 * provider's message log, so a crash between intent and request neither duplicates nor loses the SMS. Blocking (Redis, the provider): call it off the event loop.
 */
final class SmsDispatch {

    private static final Logger log = LoggerFactory.getLogger(SmsDispatch.class);

    /** What came of one request to send. */
    sealed interface Result {
        /** The journal already held this intent with an outcome that forbids sending it again. */
        record AlreadyHandled(Optional<SendResult> earlier) implements Result {
        }

        /** The intent was sent now (or certainly not sent), as {@code result} says. */
        record Attempted(SendResult result) implements Result {
        }
    }

    private final SendJournal journal;
    private final RedisSentMessages sent;
    private final DeliveryTracker tracker;
    private final RedisSegmentLedger ledger;
    private final Clock clock;

    SmsDispatch(SendJournal journal, RedisSentMessages sent, DeliveryTracker tracker, RedisSegmentLedger ledger,
                Clock clock) {
        this.journal = Objects.requireNonNull(journal, "journal");
        this.sent = Objects.requireNonNull(sent, "sent");
        this.tracker = Objects.requireNonNull(tracker, "tracker");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * @param intentId   the idempotency key: the same every time the same message is meant
     * @param deliveryId what status callbacks report the message as
     * @throws RuntimeException only when the journal cannot be read before anything was sent
     */
    Result send(SmsLine line, String intentId, String deliveryId, String to, String text,
                Map<String, String> attributes) {
        Optional<JournalEntry> earlier = journal.find(intentId);
        if (earlier.isPresent() && earlier.get().outcome().isPresent() && !earlier.get().retryable()) {
            return new Result.AlreadyHandled(earlier.get().outcome());
        }
        // A pending intent (recorded, no outcome) goes to the sender, which waits for it or settles it.
        SendIntent intent = SendIntent.of(intentId, to, text);
        SendResult result = line.sender().send(intent);
        if (result instanceof SendResult.Accepted accepted) {
            keepBooks(line, intent, deliveryId, attributes, accepted);
        }
        return new Result.Attempted(result);
    }

    /** Best effort after the fact: a failure here must not turn an accepted SMS into a resend. */
    private void keepBooks(SmsLine line, SendIntent intent, String deliveryId, Map<String, String> attributes,
                           SendResult.Accepted accepted) {
        SegmentCount count = intent.segments();
        int segments = accepted.segments() > 0 ? accepted.segments() : count.segments();
        try {
            sent.remember(accepted.sid(), new SentMessage(deliveryId, line.id(), segments, attributes));
            ledger.count(line.id(), LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC), count.encoding(), segments);
            DeliveryStatus.parse(accepted.status()).filter(DeliveryStatus::isOutbound)
                    .ifPresent(status -> tracker.report(accepted.sid(), status, OptionalInt.empty()));
        } catch (RuntimeException e) {
            log.warn("SMS {} on account {} was accepted as {} but its records could not be written: {}",
                    intent.id(), line.id(), accepted.sid(), e.toString());
        }
    }
}
