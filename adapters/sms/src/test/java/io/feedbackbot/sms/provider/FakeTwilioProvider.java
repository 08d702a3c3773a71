package io.feedbackbot.sms.provider;

import io.feedbackbot.sms.form.FormParams;
import io.feedbackbot.sms.form.FormParser;
import io.feedbackbot.sms.form.MalformedFormException;
import io.feedbackbot.sms.segment.SmsSegments;
import io.feedbackbot.sms.signature.TwilioSignature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import okhttp3.Credentials;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;

/**
 * A MockWebServer dispatcher that behaves like Twilio's Messages API for one account: answers
 * {@code POST /2010-04-01/Accounts/{sid}/Messages.json} with 201 and a new {@code SM…} sid, checks Basic auth,
 * and can be scripted to answer the next requests with 429, 5xx, a 4xx error, a stall (no answer) or a dropped
 * connection. Records every request, and posts signed status callbacks to the {@code StatusCallback} a message was
 * created with, as the provider does. Lists its messages like {@code GET …/Messages.json?To=…&From=…&PageSize=…}
 * (newest first, RFC 2822 dates, {@code next_page_uri}), so senders can settle a send whose answer was lost.
 */
public final class FakeTwilioProvider extends Dispatcher {

    /** A message the fake accepted (answered 201 for). */
    public record Created(String sid, FormParams form) {
        public String statusCallback() {
            return form.first("StatusCallback").orElse("");
        }
    }

    private final String accountSid;
    private final String authToken;
    private final Random random;
    private final Deque<MockResponse> script = new ArrayDeque<>();
    private final List<RecordedRequest> requests = new ArrayList<>();
    private final List<Created> created = new ArrayList<>();
    private final Map<String, Instant> createdAt = new HashMap<>();
    private final Clock clock;
    private boolean dropAfterNextCreate;

    public FakeTwilioProvider(String accountSid, String authToken, long seed) {
        this(accountSid, authToken, seed, Clock.systemUTC());
    }

    /** @param clock the provider's clock, for {@code date_created} */
    public FakeTwilioProvider(String accountSid, String authToken, long seed, Clock clock) {
        this.accountSid = accountSid;
        this.authToken = authToken;
        this.random = new Random(seed);
        this.clock = clock;
    }

    /**
     * The next message request is accepted (the message exists, as if sent) but the connection is closed before
     * the answer: the sender cannot know the message went out.
     */
    public synchronized FakeTwilioProvider acceptThenDropConnectionNext() {
        dropAfterNextCreate = true;
        return this;
    }

    /** How many messages the fake accepted so far. */
    public synchronized int createdCount() {
        return created.size();
    }

    /** How many accepted messages went to {@code to}. */
    public synchronized long createdTo(String to) {
        return created.stream().filter(c -> c.form().first("To").orElse("").equals(to)).count();
    }

    /** The next {@code times} message requests get 429 / error 20429. */
    public synchronized FakeTwilioProvider rateLimitNext(int times) {
        for (int i = 0; i < times; i++) {
            script.add(json(429, "{\"code\":20429,\"message\":\"Too Many Requests\",\"status\":429}"));
        }
        return this;
    }

    /** The next message request gets {@code status} with a Twilio error body. */
    public synchronized FakeTwilioProvider failNext(int status, int code, String message) {
        script.add(json(status, "{\"code\":" + code + ",\"message\":\"" + message + "\",\"more_info\":"
                + "\"https://www.twilio.com/docs/errors/" + code + "\",\"status\":" + status + "}"));
        return this;
    }

    /** The next message request gets a raw answer. */
    public synchronized FakeTwilioProvider answerNext(MockResponse response) {
        script.add(response);
        return this;
    }

    /** The next message request is read in full and never answered, like a provider that hangs. */
    public synchronized FakeTwilioProvider stallNext() {
        script.add(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
        return this;
    }

    /** The next message request is read in full, then the connection is closed without an answer. */
    public synchronized FakeTwilioProvider dropConnectionAfterNextRequest() {
        script.add(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
        return this;
    }

    public synchronized List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    public synchronized List<Created> created() {
        return List.copyOf(created);
    }

    @Override
    public synchronized MockResponse dispatch(RecordedRequest request) {
        requests.add(request);
        String path = "/2010-04-01/Accounts/" + accountSid + "/Messages.json";
        boolean list = "GET".equals(request.getMethod()) && path.equals(request.getRequestUrl().encodedPath());
        if (!list && (!"POST".equals(request.getMethod()) || !path.equals(request.getRequestUrl().encodedPath()))) {
            return json(404, "{\"code\":20404,\"message\":\"The requested resource was not found\",\"status\":404}");
        }
        if (!Credentials.basic(accountSid, authToken, StandardCharsets.UTF_8)
                .equals(request.getHeader("Authorization"))) {
            return json(401, "{\"code\":20003,\"message\":\"Authenticate\",\"status\":401}");
        }
        if (list) {
            return MessageListing.page(created, createdAt, request.getRequestUrl(), accountSid);
        }
        if (!script.isEmpty()) {
            return script.poll();
        }
        MockResponse answer = create(request);
        if (dropAfterNextCreate && answer.getStatus().contains(" 201 ")) {
            dropAfterNextCreate = false;
            return answer.setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST);
        }
        return answer;
    }

    private MockResponse create(RecordedRequest request) {
        FormParams form;
        try {
            form = FormParser.parse(request.getBody().clone().readByteArray());
        } catch (MalformedFormException e) {
            return json(400, "{\"code\":21000,\"message\":\"malformed form\",\"status\":400}");
        }
        String to = form.first("To").orElse("");
        if (!to.matches("\\+[1-9][0-9]{6,14}")) {
            return json(400, "{\"code\":21211,\"message\":\"The 'To' number " + to
                    + " is not a valid phone number.\",\"status\":400}");
        }
        byte[] id = new byte[16];
        random.nextBytes(id);
        String sid = "SM" + HexFormat.of().formatHex(id);
        created.add(new Created(sid, form));
        createdAt.put(sid, clock.instant());
        String body = form.first("Body").orElse("");
        return json(201, "{\"sid\":\"" + sid + "\",\"account_sid\":\"" + accountSid + "\",\"to\":\"" + to
                + "\",\"status\":\"queued\",\"date_created\":\"" + rfc2822(createdAt.get(sid))
                + "\",\"num_segments\":\"" + SmsSegments.count(body).segments()
                + "\",\"direction\":\"outbound-api\",\"api_version\":\"2010-04-01\",\"error_code\":null,"
                + "\"error_message\":null}");
    }

    /**
     * Posts a signed status callback for a created message to its {@code StatusCallback} URL, as the provider
     * would. The URL signed is the one the message was created with; {@code deliverTo} is where it is actually
     * posted (the local server behind the public URL), or null to post to the callback URL itself.
     *
     * @return the HTTP status our server answered
     */
    public int postStatus(OkHttpClient http, Created message, String status, String errorCode, String deliverTo)
            throws IOException {
        FormParams form = FormParams.of("MessageSid", message.sid(), "SmsSid", message.sid(),
                "AccountSid", accountSid, "To", message.form().first("To").orElse(""),
                "MessageStatus", status, "SmsStatus", status, "ApiVersion", "2010-04-01");
        if (errorCode != null) {
            form = form.with("ErrorCode", errorCode);
        }
        String signature = new TwilioSignature(authToken).sign(message.statusCallback(), form);
        Request request = new Request.Builder()
                .url(deliverTo == null ? message.statusCallback() : deliverTo)
                .header(TwilioSignature.HEADER, signature)
                .post(RequestBody.create(form.encode(), MediaType.get("application/x-www-form-urlencoded")))
                .build();
        try (Response response = http.newCall(request).execute()) {
            return response.code();
        }
    }

    static String rfc2822(Instant at) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(at.atOffset(ZoneOffset.UTC));
    }

    static MockResponse json(int status, String body) {
        return new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json")
                .setBody(body);
    }
}
