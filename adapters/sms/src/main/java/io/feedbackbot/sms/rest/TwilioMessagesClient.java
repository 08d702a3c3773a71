package io.feedbackbot.sms.rest;

import io.feedbackbot.sms.form.FormParams;
import io.feedbackbot.sms.phone.PhoneMask;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.random.RandomGenerator;
import okhttp3.Authenticator;
import okhttp3.Credentials;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends SMS through {@code POST {apiBaseUrl}/2010-04-01/Accounts/{AccountSid}/Messages.json} (form-encoded, HTTP
 * Basic auth). Retries only what the provider certainly did not process: a 429 (Twilio documents those as never
 * processed), or a call that failed before a connection existed (refused, DNS, TLS handshake). Once connected, the
 * request may have been written, so any failure is {@link SendResult.Unknown} and is never resent: the API has no
 * idempotency key.
 *
 * <p>OkHttp's own silent retries are switched off on the client derived here (it would otherwise resend a POST
 * after a connection reset), and redirects and authenticators too. Blocking and thread-safe.
 *
 * <p>{@link #findSent} reads the account's message log ({@code GET …/Messages.json?To=…&From=…}, newest first) to
 * settle a send whose outcome was lost. It filters by {@code To} and {@code From} only, not {@code DateSent}: a
 * message still queued at the provider has no send date yet and would be missed.
 */
public final class TwilioMessagesClient implements SmsApi {

    private static final Logger log = LoggerFactory.getLogger(TwilioMessagesClient.class);
    private static final MediaType FORM = MediaType.get("application/x-www-form-urlencoded; charset=utf-8");
    private static final long MAX_ANSWER_BYTES = 64 * 1024;

    private static final int LOG_PAGES = 5;
    private static final long MAX_LOG_BYTES = 4 * 1024 * 1024;

    private final OkHttpClient http;
    private final TwilioAccount account;
    private final HttpUrl base;
    private final HttpUrl messagesUrl;
    private final String credentials;
    private final SendPolicy policy;
    private final Sleeper sleeper;
    private final RandomGenerator random;

    /**
     * @param shared the application's one OkHttpClient; a derived client shares its connection pool and threads
     * @param random the source of backoff jitter; a seeded one in tests
     */
    public TwilioMessagesClient(OkHttpClient shared, TwilioAccount account, SendPolicy policy, Sleeper sleeper,
                                RandomGenerator random) {
        this.account = Objects.requireNonNull(account, "account");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.random = Objects.requireNonNull(random, "random");
        this.base = HttpUrl.parse(account.apiBaseUrl());
        if (base == null) {
            throw new IllegalArgumentException("SMS apiBaseUrl '" + account.apiBaseUrl() + "' is not an http(s) URL");
        }
        this.messagesUrl = base.newBuilder()
                .addPathSegment("2010-04-01").addPathSegment("Accounts").addPathSegment(account.accountSid())
                .addPathSegment("Messages.json").build();
        this.credentials = Credentials.basic(account.accountSid(), account.authToken(), StandardCharsets.UTF_8);
        this.http = shared.newBuilder()
                .retryOnConnectionFailure(false)
                .followRedirects(false)
                .followSslRedirects(false)
                .authenticator(Authenticator.NONE)
                .callTimeout(policy.timeout())
                .addNetworkInterceptor(chain -> {
                    WriteMark mark = chain.request().tag(WriteMark.class);
                    if (mark != null) {
                        mark.connected = true;
                    }
                    return chain.proceed(chain.request());
                })
                .build();
    }

    @Override
    public SendResult send(String to, String body) {
        byte[] form = form(to, body).encode().getBytes(StandardCharsets.UTF_8);
        for (int attempt = 1; ; attempt++) {
            Attempt outcome = attempt(form);
            if (outcome.result != null) {
                logResult(to, outcome.result, attempt);
                return outcome.result;
            }
            if (attempt >= policy.maxAttempts()) {
                SendResult gaveUp = new SendResult.NotSent(outcome.retryReason + " (gave up after " + attempt
                        + " attempts)");
                logResult(to, gaveUp, attempt);
                return gaveUp;
            }
            Duration wait = policy.backoff(attempt, random);
            log.info("SMS to {} not taken yet: {}; retry {} in {} ms", PhoneMask.mask(to), outcome.retryReason,
                    attempt, wait.toMillis());
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new SendResult.NotSent(outcome.retryReason + " (interrupted while waiting to retry)");
            }
        }
    }

    @Override
    public SentLookup findSent(String to, String body, Instant since) {
        String from = account.from() instanceof SmsFrom.FromNumber n ? n.e164() : null;
        HttpUrl.Builder first = messagesUrl.newBuilder().addQueryParameter("To", to).addQueryParameter("PageSize", "50");
        if (from != null) {
            first.addQueryParameter("From", from);
        }
        HttpUrl url = first.build();
        for (int page = 0; page < LOG_PAGES && url != null; page++) {
            Request request = new Request.Builder().url(url).header("Authorization", credentials)
                    .header("Accept", "application/json").get().build();
            try (Response response = http.newCall(request).execute()) {
                if (response.code() != 200) {
                    return new SentLookup.Failed("the message log answered HTTP " + response.code());
                }
                MessageLog.Page read = MessageLog.read(response.peekBody(MAX_LOG_BYTES).string(), from, body, since);
                if (read.found().isPresent()) {
                    log.info("SMS to {} found in the provider's log as {}", PhoneMask.mask(to), read.found().get().sid());
                    return read.found().get();
                }
                url = read.nextPageUri() == null ? null : base.resolve(read.nextPageUri());
            } catch (IOException e) {
                return new SentLookup.Failed("the message log could not be read: " + e);
            }
        }
        return url == null ? new SentLookup.NotFound()
                : new SentLookup.Failed("more than " + LOG_PAGES + " pages of messages to this number since " + since);
    }

    private FormParams form(String to, String body) {
        FormParams form = FormParams.of("To", to);
        if (account.from() instanceof SmsFrom.FromNumber n) {
            form = form.with("From", n.e164());
        } else if (account.from() instanceof SmsFrom.FromMessagingService s) {
            form = form.with("MessagingServiceSid", s.sid());
        }
        form = form.with("Body", body);
        if (account.statusCallbackUrl().isPresent()) {
            form = form.with("StatusCallback", account.statusCallbackUrl().get());
        }
        return form;
    }

    /** Either a final result, or the reason the provider certainly did not take it (worth retrying). */
    private record Attempt(SendResult result, String retryReason) {
    }

    /** Set by the network interceptor once a connection exists: from then on the request may have been written. */
    private static final class WriteMark {
        volatile boolean connected;
    }

    private Attempt attempt(byte[] form) {
        WriteMark mark = new WriteMark();
        Request request = new Request.Builder()
                .url(messagesUrl)
                .header("Authorization", credentials)
                .header("Accept", "application/json")
                .post(oneShot(form))
                .tag(WriteMark.class, mark)
                .build();
        try (Response response = http.newCall(request).execute()) {
            int code = response.code();
            if (code == 429) {
                return new Attempt(null, "rate limited (HTTP 429)");
            }
            String answer = readAnswer(response);
            if (code >= 200 && code < 300) {
                return new Attempt(ProviderAnswers.accepted(code, answer), null);
            }
            if (code >= 400 && code < 500) {
                return new Attempt(ProviderAnswers.rejected(code, answer), null);
            }
            return new Attempt(new SendResult.Unknown("the provider answered HTTP " + code), null);
        } catch (IOException e) {
            if (mark.connected) {
                return new Attempt(new SendResult.Unknown("no answer after the request was sent: " + e), null);
            }
            return new Attempt(null, "could not connect: " + e);
        }
    }

    private static String readAnswer(Response response) throws IOException {
        return response.peekBody(MAX_ANSWER_BYTES).string();
    }

    /** A body OkHttp may write only once: belt and braces with {@code retryOnConnectionFailure(false)}. */
    private static RequestBody oneShot(byte[] bytes) {
        return new RequestBody() {
            @Override
            public MediaType contentType() {
                return FORM;
            }

            @Override
            public long contentLength() {
                return bytes.length;
            }

            @Override
            public void writeTo(BufferedSink sink) throws IOException {
                sink.write(bytes);
            }

            @Override
            public boolean isOneShot() {
                return true;
            }
        };
    }

    private void logResult(String to, SendResult result, int attempts) {
        String masked = PhoneMask.mask(to);
        if (result instanceof SendResult.Accepted a) {
            log.info("SMS to {} accepted as {} ({} segments, attempt {})", masked, a.sid(), a.segments(), attempts);
        } else if (result instanceof SendResult.Rejected r) {
            log.warn("SMS to {} rejected: HTTP {}, error {}", masked, r.httpStatus(), r.errorCode());
        } else if (result instanceof SendResult.NotSent n) {
            log.warn("SMS to {} not sent: {}", masked, n.reason());
        } else if (result instanceof SendResult.Unknown u) {
            log.warn("SMS to {} may or may not have been sent, not retrying: {}", masked, u.reason());
        }
    }

    @Override
    public String toString() {
        return "TwilioMessagesClient[" + account + "]";
    }
}
