package io.feedbackbot.bench.load;

import io.feedbackbot.bench.setup.BenchAccounts;
import io.feedbackbot.sms.form.FormParams;
import io.feedbackbot.sms.signature.TwilioSignature;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Inbound SMS webhooks from many mobile numbers, as a Twilio-compatible provider posts them: a form body with a
 * unique MessageSid, signed with {@code X-Twilio-Signature} over the account's public URL by the adapter's own
 * {@link TwilioSignature}. Every answer must be TwiML carrying the survey's next question.
 */
public final class SmsScenario implements Scenario {

    private final String host;
    private final int run;
    private final TwilioSignature signature = new TwilioSignature(BenchAccounts.SMS_AUTH_TOKEN);
    private final String publicUrl;
    private final String target = "/webhooks/sms/" + BenchAccounts.ACCOUNT;

    /** @param run a number that keeps this run's numbers and MessageSids apart from other runs */
    public SmsScenario(String host, int httpPort, int run) {
        this.host = host;
        this.run = run;
        this.publicUrl = BenchAccounts.smsPublicUrl(httpPort);
    }

    @Override
    public RawRequest build(int c, int step) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("MessageSid", "SM%08x%08x%016x".formatted(run, step, (long) c));
        form.put("AccountSid", BenchAccounts.SMS_ACCOUNT_SID);
        form.put("From", phone(run, c));
        form.put("To", BenchAccounts.SMS_FROM);
        form.put("Body", Turns.text(c, step));
        form.put("NumMedia", "0");
        form.put("NumSegments", "1");
        String[] pairs = form.entrySet().stream().flatMap(e -> Stream.of(e.getKey(), e.getValue()))
                .toArray(String[]::new);
        return RawRequest.post(host, target, "application/x-www-form-urlencoded",
                Map.of(TwilioSignature.HEADER, signature.sign(publicUrl, FormParams.of(pairs))), encode(form));
    }

    /** A valid mainland mobile number: 138 + run + customer. */
    static String phone(int run, int customer) {
        return "+86138" + "%02d%06d".formatted(run % 100, customer % 1_000_000);
    }

    private static byte[] encode(Map<String, String> form) {
        StringBuilder body = new StringBuilder();
        form.forEach((name, value) -> body.append(body.length() == 0 ? "" : "&")
                .append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String name() {
        return "sms";
    }

    @Override
    public String check(int customer, int step, byte[] body) {
        String twiml = new String(body, StandardCharsets.UTF_8);
        if (!twiml.contains("<Message>")) {
            return "TwiML without a message";
        }
        return twiml.contains(Turns.expected(customer, step)) ? null : "wrong question";
    }
}
