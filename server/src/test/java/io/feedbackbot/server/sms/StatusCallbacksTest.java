package io.feedbackbot.server.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.feedbackbot.core.outbound.DeliveryEvents;
import io.feedbackbot.core.outbound.DeliveryState;
import io.feedbackbot.redis.RedisKeys;
import io.feedbackbot.redis.testing.TestRedis;
import io.feedbackbot.sms.delivery.DeliveryTracker;
import io.feedbackbot.sms.form.FormParams;
import io.feedbackbot.sms.send.InMemorySendJournal;
import io.feedbackbot.sms.send.SmsSender;
import io.feedbackbot.sms.signature.TwilioSignature;
import io.feedbackbot.sms.webhook.SmsWebhookReader;
import io.feedbackbot.sms.webhook.StatusCallback;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** Status callbacks reach {@link DeliveryEvents} with the delivery's attributes, once per change. */
class StatusCallbacksTest {

    private static final String SID = "SM0123456789abcdef0123456789abcdef";
    private static final Instant NOW = Instant.parse("2025-03-01T08:00:00Z");

    private record Event(String deliveryId, Map<String, String> attributes, DeliveryState state, String detail) {
    }

    private final RedisKeys keys = TestRedis.freshKeys();
    private final RedisSentMessages sent = new RedisSentMessages(TestRedis.client(), keys, Duration.ofDays(30));
    private final List<Event> events = new ArrayList<>();
    private final StatusCallbacks callbacks = new StatusCallbacks(
            new DeliveryTracker(new RedisDeliveryStatusStore(TestRedis.client(), keys, Duration.ofDays(30))), sent,
            (id, attributes, state, detail, at) -> events.add(new Event(id, attributes, state, detail)),
            Clock.fixed(NOW, ZoneOffset.UTC));
    private final SmsLine line = new SmsLine(SmsOutboundSenderTest.account("http://127.0.0.1:9"),
            new SmsWebhookReader(new TwilioSignature(SmsRig.AUTH_TOKEN)),
            new SmsSender(new InMemorySendJournal(), (to, body) -> {
                throw new AssertionError("nothing is sent here");
            }));

    private static StatusCallback callback(String status, String errorCode) {
        FormParams form = FormParams.of("MessageSid", SID, "MessageStatus", status);
        return new StatusCallback(SID, status, errorCode == null ? OptionalInt.empty()
                : OptionalInt.of(Integer.parseInt(errorCode)), form);
    }

    @Test
    void eachChangeIsReportedWithTheDeliverysAttributesAndALateOneIsNot() {
        Map<String, String> attributes = Map.of("surveyId", "post-delivery-nps", "campaignId", "c-9");
        sent.remember(SID, new SentMessage("sms:main:+8613800000000/1/0", "main", 2, attributes));

        callbacks.apply(line, callback("queued", null));
        callbacks.apply(line, callback("sent", null));
        callbacks.apply(line, callback("undelivered", "30003"));
        callbacks.apply(line, callback("delivered", null));

        assertEquals(List.of(
                new Event("sms:main:+8613800000000/1/0", attributes, DeliveryState.SENT, "sent"),
                new Event("sms:main:+8613800000000/1/0", attributes, DeliveryState.UNDELIVERED,
                        "undelivered (error 30003)")), events);
    }

    @Test
    void aCallbackForAMessageThisBotDidNotSendIsTrackedButNotReported() {
        callbacks.apply(line, callback("delivered", null));
        callbacks.apply(line, callback("some_future_status", null));
        assertEquals(List.of(), events);
    }
}
