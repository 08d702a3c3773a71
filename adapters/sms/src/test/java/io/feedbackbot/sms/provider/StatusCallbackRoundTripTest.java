package io.feedbackbot.sms.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.feedbackbot.sms.delivery.DeliveryRecord;
import io.feedbackbot.sms.delivery.DeliveryStatus;
import io.feedbackbot.sms.delivery.DeliveryTracker;
import io.feedbackbot.sms.delivery.InMemoryDeliveryStatusStore;
import io.feedbackbot.sms.form.FormParams;
import io.feedbackbot.sms.rest.SendPolicy;
import io.feedbackbot.sms.rest.SendResult;
import io.feedbackbot.sms.rest.SmsFrom;
import io.feedbackbot.sms.rest.TwilioAccount;
import io.feedbackbot.sms.rest.TwilioMessagesClient;
import io.feedbackbot.sms.send.InMemorySendJournal;
import io.feedbackbot.sms.send.SendIntent;
import io.feedbackbot.sms.send.SmsSender;
import io.feedbackbot.sms.signature.TwilioSignature;
import io.feedbackbot.sms.webhook.SmsWebhookReader;
import io.feedbackbot.sms.webhook.StatusCallback;
import io.feedbackbot.sms.webhook.WebhookRead;
import java.io.IOException;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Send through the fake provider, then let it post signed status callbacks back to a webhook like ours. */
class StatusCallbackRoundTripTest {

    private static final String ACCOUNT_SID = "AC0123456789abcdef0123456789abcdef";
    private static final String TOKEN = "round-trip-token";
    private static final String PUBLIC_CALLBACK = "https://bot.example.com/webhooks/sms/us-main/status";

    private final MockWebServer providerServer = new MockWebServer();
    private final MockWebServer ourServer = new MockWebServer();
    private final FakeTwilioProvider provider = new FakeTwilioProvider(ACCOUNT_SID, TOKEN, 11);
    private final OkHttpClient http = new OkHttpClient();
    private final InMemoryDeliveryStatusStore store = new InMemoryDeliveryStatusStore();
    private final DeliveryTracker tracker = new DeliveryTracker(store);
    private final SmsWebhookReader reader = new SmsWebhookReader(new TwilioSignature(TOKEN));

    @BeforeEach
    void start() throws IOException {
        providerServer.setDispatcher(provider);
        providerServer.start();
        ourServer.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                WebhookRead<StatusCallback> read = reader.readStatus(PUBLIC_CALLBACK,
                        request.getHeader(TwilioSignature.HEADER), request.getBody().readByteArray());
                if (read instanceof WebhookRead.Verified<StatusCallback> v) {
                    StatusCallback cb = v.message();
                    cb.status().filter(DeliveryStatus::isOutbound)
                            .ifPresent(s -> tracker.report(cb.messageSid(), s, cb.errorCode()));
                }
                return new MockResponse().setResponseCode(read.httpStatus());
            }
        });
        ourServer.start();
    }

    @AfterEach
    void stop() throws IOException {
        providerServer.shutdown();
        ourServer.shutdown();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    @Test
    void callbacksMoveTheStatusForwardAndALateOneDoesNotMoveItBack() throws Exception {
        TwilioAccount account = new TwilioAccount(ACCOUNT_SID, TOKEN, providerServer.url("/").toString(),
                new SmsFrom.FromNumber("+14155550100"), Optional.of(PUBLIC_CALLBACK));
        SmsSender sender = new SmsSender(new InMemorySendJournal(),
                new TwilioMessagesClient(http, account, SendPolicy.DEFAULT, d -> { }, new Random(2)));

        SendResult.Accepted accepted = assertInstanceOf(SendResult.Accepted.class,
                sender.send(SendIntent.of("t-1", "+14155552671", "How likely are you to recommend us? 0-10")));
        tracker.report(accepted.sid(), DeliveryStatus.parse(accepted.status()).orElseThrow(), OptionalInt.empty());
        FakeTwilioProvider.Created message = provider.created().get(0);
        assertEquals(PUBLIC_CALLBACK, message.statusCallback());
        String local = ourServer.url("/webhooks/sms/us-main/status").toString();

        assertEquals(200, provider.postStatus(http, message, "sent", null, local));
        assertEquals(200, provider.postStatus(http, message, "delivered", null, local));
        assertEquals(200, provider.postStatus(http, message, "sent", null, local));

        assertEquals(new DeliveryRecord(accepted.sid(), DeliveryStatus.DELIVERED, OptionalInt.empty(), 3),
                store.find(accepted.sid()).orElseThrow());
    }

    @Test
    void aForgedCallbackIsForbiddenAndChangesNothing() throws Exception {
        FakeTwilioProvider forger = new FakeTwilioProvider(ACCOUNT_SID, "not-the-token", 1);
        FakeTwilioProvider.Created fake = new FakeTwilioProvider.Created("SMforged",
                FormParams.of("To", "+14155552671", "StatusCallback", PUBLIC_CALLBACK));

        int status = forger.postStatus(http, fake, "failed", "30007",
                ourServer.url("/webhooks/sms/us-main/status").toString());

        assertEquals(403, status);
        assertEquals(Optional.empty(), store.find("SMforged"));
    }
}
