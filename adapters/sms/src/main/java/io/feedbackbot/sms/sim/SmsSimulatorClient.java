package io.feedbackbot.sms.sim;

import io.feedbackbot.sms.form.FormParams;
import io.feedbackbot.sms.segment.SmsSegments;
import io.feedbackbot.sms.signature.TwilioSignature;
import io.feedbackbot.sms.twiml.MalformedTwimlException;
import io.feedbackbot.sms.twiml.TwimlReader;
import java.io.IOException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Plays the provider's side of an inbound SMS: builds the form Twilio would post, signs it over the account's
 * public URL, posts it to our local webhook URL, and reads the TwiML answer the way the provider would. Used by
 * {@code feedbackbot sms-sim} and by end-to-end tests.
 */
public final class SmsSimulatorClient {

    private static final MediaType FORM = MediaType.get("application/x-www-form-urlencoded");

    private final OkHttpClient http;
    private final String accountSid;
    private final TwilioSignature signature;
    private final RandomGenerator random;

    public SmsSimulatorClient(OkHttpClient http, String accountSid, String authToken, RandomGenerator random) {
        this.http = Objects.requireNonNull(http, "http");
        this.accountSid = Objects.requireNonNull(accountSid, "accountSid");
        this.signature = new TwilioSignature(authToken);
        this.random = Objects.requireNonNull(random, "random");
    }

    /** A new inbound SMS with a fresh {@code SM} + 32 hex MessageSid. */
    public SimulatedSms compose(String from, String to, String body) {
        byte[] id = new byte[16];
        random.nextBytes(id);
        String sid = "SM" + HexFormat.of().formatHex(id);
        FormParams params = FormParams.of(
                "SmsMessageSid", sid,
                "NumMedia", "0",
                "SmsSid", sid,
                "SmsStatus", "received",
                "Body", body,
                "To", to,
                "NumSegments", Integer.toString(SmsSegments.count(body).segments()),
                "MessageSid", sid,
                "AccountSid", accountSid,
                "From", from,
                "ApiVersion", "2010-04-01");
        return new SimulatedSms(sid, params);
    }

    /**
     * Posts {@code sms} to {@code localUrl} signed for {@code publicUrl}, the URL configured at the provider. Post the
     * same {@link SimulatedSms} twice to simulate the provider's retry of a webhook.
     */
    public SimulatedReply post(String localUrl, String publicUrl, SimulatedSms sms) throws IOException {
        Request request = new Request.Builder()
                .url(localUrl)
                .header(TwilioSignature.HEADER, signature.sign(publicUrl, sms.params()))
                .header("User-Agent", "TwilioProxy/1.1 (feedbackbot sms-sim)")
                .post(RequestBody.create(sms.params().encode(), FORM))
                .build();
        try (Response response = http.newCall(request).execute()) {
            String body = response.body() == null ? "" : response.body().string();
            return read(response.code(), response.header("Content-Type", ""), body);
        }
    }

    public SimulatedReply send(String localUrl, String publicUrl, String from, String to, String body)
            throws IOException {
        return post(localUrl, publicUrl, compose(from, to, body));
    }

    static SimulatedReply read(int status, String contentType, String body) {
        if (status != 200) {
            return new SimulatedReply(status, List.of(), Optional.of("HTTP " + status + oneLine(body)));
        }
        String type = contentType.toLowerCase(Locale.ROOT);
        if (!type.startsWith("text/xml") && !type.startsWith("application/xml")) {
            return new SimulatedReply(status, List.of(),
                    Optional.of("Content-Type must be text/xml, was '" + contentType + "'"));
        }
        if (!body.startsWith("<?xml") && !body.startsWith("<Response")) {
            return new SimulatedReply(status, List.of(), Optional.of("the answer does not start with TwiML"
                    + oneLine(body)));
        }
        try {
            return new SimulatedReply(status, TwimlReader.messages(body), Optional.empty());
        } catch (MalformedTwimlException e) {
            return new SimulatedReply(status, List.of(), Optional.of(e.getMessage()));
        }
    }

    private static String oneLine(String body) {
        String line = body.strip().replaceAll("\\s+", " ");
        if (line.isEmpty()) {
            return "";
        }
        return ": " + (line.length() > 200 ? line.substring(0, 200) + "…" : line);
    }
}
