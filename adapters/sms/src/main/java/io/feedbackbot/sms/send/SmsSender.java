package io.feedbackbot.sms.send;

import io.feedbackbot.sms.rest.SendResult;
import io.feedbackbot.sms.rest.SmsApi;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends an SMS at most once per intent id: records the intent in the journal, sends, records the outcome. A second
 * send of the same id does not reach the provider; it returns the recorded outcome, or {@link SendResult.Unknown}
 * while the first is in flight or was interrupted. Only an intent whose outcome was {@link SendResult.NotSent}
 * (the provider certainly did not take it) is sent again. Never throws; blocking, so call it off the event loop.
 */
public final class SmsSender {

    private static final Logger log = LoggerFactory.getLogger(SmsSender.class);

    private final SendJournal journal;
    private final SmsApi api;

    public SmsSender(SendJournal journal, SmsApi api) {
        this.journal = Objects.requireNonNull(journal, "journal");
        this.api = Objects.requireNonNull(api, "api");
    }

    public SendResult send(SendIntent intent) {
        boolean claimed;
        try {
            claimed = journal.recordIntent(intent);
        } catch (RuntimeException e) {
            log.error("send journal unavailable, not sending {}", intent, e);
            return new SendResult.NotSent("the send journal is unavailable: " + e.getMessage());
        }
        if (!claimed) {
            return previousOutcome(intent);
        }
        SendResult result;
        try {
            result = api.send(intent.to(), intent.body());
        } catch (RuntimeException e) {
            log.error("SMS API failed unexpectedly for {}", intent, e);
            result = new SendResult.Unknown("the SMS API failed unexpectedly: " + e);
        }
        try {
            journal.recordOutcome(intent.id(), result);
        } catch (RuntimeException e) {
            // The intent stays pending, which later reads as Unknown: safe, never a second SMS.
            log.error("could not record the outcome of {}; it stays pending", intent, e);
        }
        return result;
    }

    private SendResult previousOutcome(SendIntent intent) {
        try {
            return journal.find(intent.id())
                    .flatMap(JournalEntry::outcome)
                    .orElseGet(() -> new SendResult.Unknown("intent " + intent.id()
                            + " is already being sent, or its send was interrupted; not sending it again"));
        } catch (RuntimeException e) {
            return new SendResult.Unknown("intent " + intent.id() + " was already recorded; its outcome cannot be "
                    + "read: " + e.getMessage());
        }
    }
}
