package io.feedbackbot.sms.sim;

import io.feedbackbot.sms.signature.TwilioSignature;
import io.feedbackbot.sms.twiml.Twiml;
import io.feedbackbot.sms.webhook.InboundSms;
import io.feedbackbot.sms.webhook.SmsWebhookReader;
import io.feedbackbot.sms.webhook.WebhookRead;
import java.util.HashSet;
import java.util.Set;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * Stands in for our server's SMS webhook in tests, wired the way the real handler is meant to be: verify over the
 * public URL, dedupe on MessageSid, answer TwiML. It echoes the text back.
 */
final class EchoWebhook extends Dispatcher {

    private final SmsWebhookReader reader;
    private final String publicUrl;
    private final Set<String> seen = new HashSet<>();
    private String contentType = Twiml.CONTENT_TYPE;

    EchoWebhook(String authToken, String publicUrl) {
        this.reader = new SmsWebhookReader(new TwilioSignature(authToken));
        this.publicUrl = publicUrl;
    }

    EchoWebhook answeringWithContentType(String type) {
        this.contentType = type;
        return this;
    }

    @Override
    public synchronized MockResponse dispatch(RecordedRequest request) {
        WebhookRead<InboundSms> read = reader.readInbound(publicUrl, request.getHeader(TwilioSignature.HEADER),
                request.getBody().clone().readByteArray());
        if (!(read instanceof WebhookRead.Verified<InboundSms> verified)) {
            return new MockResponse().setResponseCode(read.httpStatus()).setBody("rejected");
        }
        InboundSms sms = verified.message();
        String twiml = seen.add(sms.messageSid()) ? Twiml.reply("You said: " + sms.body()) : Twiml.empty();
        return new MockResponse().setHeader("Content-Type", contentType).setBody(twiml);
    }
}
