package io.feedbackbot.server.sms;

import io.feedbackbot.core.conversation.ConversationKey;
import io.feedbackbot.sms.rest.SendResult;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the replies to an inbound SMS through the REST API when its webhook was answered before they were
 * ready. Reply {@code i} to MessageSid {@code s} is the intent {@code reply/<account>/<s>/<i>}, so each reply
 * goes out at most once however often this runs for the same message. No opt-out check here, unlike
 * {@link SmsOutboundSender}: these are the dialog's answers to the customer's own message, and the dialog
 * already keeps opted-out numbers to the opt-in and HELP confirmations they asked for.
 */
final class AsyncReplies {

    private static final Logger log = LoggerFactory.getLogger(AsyncReplies.class);

    private final SmsDispatch dispatch;

    AsyncReplies(SmsDispatch dispatch) {
        this.dispatch = Objects.requireNonNull(dispatch, "dispatch");
    }

    void send(SmsLine line, ConversationKey key, String messageSid, List<String> replies) {
        for (int i = 0; i < replies.size(); i++) {
            String id = "reply/" + line.id() + "/" + messageSid + "/" + i;
            try {
                SmsDispatch.Result result = dispatch.send(line, id, id, key.customer(), replies.get(i),
                        Map.of("inReplyTo", messageSid));
                if (result instanceof SmsDispatch.Result.Attempted attempted
                        && !(attempted.result() instanceof SendResult.Accepted)) {
                    log.warn("late reply {} to {} not confirmed: {}", id, key, kind(attempted.result()));
                }
            } catch (RuntimeException e) {
                log.error("late reply {} to {} not sent: {}", id, key, e.toString());
            }
        }
    }

    private static String kind(SendResult result) {
        return result.getClass().getSimpleName();
    }
}
