package io.feedbackbot.sms.send;

import io.feedbackbot.sms.rest.SendResult;
import io.feedbackbot.sms.rest.SentLookup;
import io.feedbackbot.sms.rest.Sleeper;
import io.feedbackbot.sms.rest.SmsApi;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends an SMS at most once per intent id: records the intent in the journal, sends, records the outcome. A second
 * send of the same id does not reach the provider; it returns the recorded outcome. Only an intent whose outcome
 * was {@link SendResult.NotSent} (the provider certainly did not take it) is sent again. Never throws; blocking,
 * so call it off the event loop.
 *
 * <p>An intent left pending (recorded, no outcome) is either being sent right now or was cut off by a crash. Built
 * with a {@code staleAfter} longer than any send can take, the sender settles it: it waits until the attempt is
 * that old, takes it over in the journal (one node wins), and asks the provider's message log whether the message
 * is there. Found: the outcome is recorded as accepted and nothing is sent. Not found: the attempt never reached
 * the provider, so it is sent now. That makes a cut-off send exactly once instead of "unknown", provided the
 * provider lists an accepted message by then. Without {@code staleAfter} (or with a journal or API that cannot
 * settle), a pending intent is {@link SendResult.Unknown}, as before.
 */
public final class SmsSender {

    private static final Logger log = LoggerFactory.getLogger(SmsSender.class);
    /** How far before the recorded attempt the provider's log is searched (clock skew between us and it). */
    static final Duration LOOK_BACK = Duration.ofMinutes(5);

    private final SendJournal journal;
    private final SmsApi api;
    private final Duration staleAfter;
    private final Sleeper sleeper;

    /** A sender that never settles pending intents (they stay unknown). */
    public SmsSender(SendJournal journal, SmsApi api) {
        this(journal, api, null, Sleeper.THREAD);
    }

    /**
     * @param staleAfter how old a pending attempt must be before it may be settled: longer than the client's
     *                   longest send ({@link io.feedbackbot.sms.rest.SendPolicy#longestSend()}); null to never settle
     * @param sleeper    waits for a pending attempt to become stale
     */
    public SmsSender(SendJournal journal, SmsApi api, Duration staleAfter, Sleeper sleeper) {
        this.journal = Objects.requireNonNull(journal, "journal");
        this.api = Objects.requireNonNull(api, "api");
        this.staleAfter = staleAfter;
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    }

    public SendResult send(SendIntent intent) {
        boolean claimed;
        try {
            claimed = journal.recordIntent(intent);
        } catch (RuntimeException e) {
            log.error("send journal unavailable, not sending {}", intent, e);
            return new SendResult.NotSent("the send journal is unavailable: " + e.getMessage());
        }
        return claimed ? sendAndRecord(intent) : earlierOutcome(intent);
    }

    private SendResult sendAndRecord(SendIntent intent) {
        SendResult result;
        try {
            result = api.send(intent.to(), intent.body());
        } catch (RuntimeException e) {
            log.error("SMS API failed unexpectedly for {}", intent, e);
            result = new SendResult.Unknown("the SMS API failed unexpectedly: " + e);
        }
        return record(intent, result);
    }

    private SendResult record(SendIntent intent, SendResult result) {
        try {
            journal.recordOutcome(intent.id(), result);
        } catch (RuntimeException e) {
            // The intent stays pending, which later reads as Unknown or is settled: never a second SMS.
            log.error("could not record the outcome of {}; it stays pending", intent, e);
        }
        return result;
    }

    private SendResult earlierOutcome(SendIntent intent) {
        try {
            for (int round = 0; round < 3; round++) {
                Optional<JournalEntry> entry = journal.find(intent.id());
                if (entry.isPresent() && entry.get().outcome().isPresent()) {
                    return entry.get().outcome().get();
                }
                if (staleAfter == null) {
                    break;
                }
                Takeover takeover = journal.takeOver(intent.id(), staleAfter);
                if (takeover instanceof Takeover.Granted granted) {
                    return settle(intent, granted.recordedAt());
                }
                if (takeover instanceof Takeover.TooRecent recent) {
                    sleeper.sleep(recent.remaining().plusMillis(50));
                } else if (takeover instanceof Takeover.Unsupported) {
                    break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            return new SendResult.Unknown("intent " + intent.id() + " was already recorded; its outcome cannot be "
                    + "read: " + e.getMessage());
        }
        return new SendResult.Unknown("intent " + intent.id()
                + " is already being sent, or its send was interrupted; not sending it again");
    }

    /** Owns a cut-off intent now: the provider's log decides between "already sent" and "send it now". */
    private SendResult settle(SendIntent intent, Instant recordedAt) {
        SentLookup lookup;
        try {
            lookup = api.findSent(intent.to(), intent.body(), recordedAt.minus(LOOK_BACK));
        } catch (RuntimeException e) {
            lookup = new SentLookup.Failed(e.toString());
        }
        if (lookup instanceof SentLookup.Found found) {
            log.info("{} was cut off, but the provider has it as {}: not sending it again", intent, found.sid());
            return record(intent, new SendResult.Accepted(found.sid(), found.status(), intent.segments().segments()));
        }
        if (lookup instanceof SentLookup.NotFound) {
            log.info("{} was cut off before the provider took it: sending it now", intent);
            return sendAndRecord(intent);
        }
        String why = lookup instanceof SentLookup.Failed failed ? failed.reason() : "the provider has no message log";
        log.warn("{} was cut off and cannot be settled ({}); it stays pending", intent, why);
        return new SendResult.Unknown("intent " + intent.id() + " was interrupted and the provider could not be "
                + "asked about it: " + why);
    }
}
