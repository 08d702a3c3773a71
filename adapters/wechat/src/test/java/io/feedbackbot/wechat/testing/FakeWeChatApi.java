package io.feedbackbot.wechat.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * A MockWebServer dispatcher that behaves like the parts of the WeChat API we call: stable_token issues tokens
 * (normal mode returns the current one, force mode replaces it), the send endpoints refuse unknown tokens with
 * 40001 and answer scripted errcodes first when a test queues them. Every request is recorded.
 */
public final class FakeWeChatApi extends Dispatcher {

    /** A recorded call: endpoint path, the access_token query parameter (or null) and the JSON body. */
    public record Call(String path, String accessToken, JsonNode body) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String appId;
    private final String secret;
    private final List<Call> calls = new ArrayList<>();
    private final Set<String> validTokens = new HashSet<>();
    private final Deque<Integer> tokenErrors = new ArrayDeque<>();
    private final Deque<Integer> sendErrors = new ArrayDeque<>();
    private final AtomicLong tokenCounter = new AtomicLong();
    private final AtomicLong msgIds = new AtomicLong(200228332L);
    private final List<Long> templateMsgIds = new ArrayList<>();
    private String currentToken;

    public FakeWeChatApi(String appId, String secret) {
        this.appId = appId;
        this.secret = secret;
    }

    /** The next send calls answer these errcodes, one each, before behaving normally. */
    public synchronized FakeWeChatApi failSends(Integer... errcodes) {
        sendErrors.addAll(List.of(errcodes));
        return this;
    }

    /** The next stable_token calls answer these errcodes, one each. */
    public synchronized FakeWeChatApi failTokenFetches(Integer... errcodes) {
        tokenErrors.addAll(List.of(errcodes));
        return this;
    }

    /** Makes the current token invalid, as if it expired; normal mode then issues a new one. */
    public synchronized void expireCurrentToken() {
        validTokens.remove(currentToken);
        currentToken = null;
    }

    public synchronized String currentToken() {
        return currentToken;
    }

    public synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    /** The msgids of the template messages accepted so far, in order (what TEMPLATESENDJOBFINISH names). */
    public synchronized List<Long> templateMsgIds() {
        return List.copyOf(templateMsgIds);
    }

    public synchronized List<Call> calls(String path) {
        return calls.stream().filter(c -> c.path().equals(path)).toList();
    }

    @Override
    public synchronized MockResponse dispatch(RecordedRequest request) {
        JsonNode body;
        try {
            body = JSON.readTree(request.getBody().readUtf8());
        } catch (IOException e) {
            return new MockResponse().setResponseCode(400);
        }
        String path = request.getRequestUrl().encodedPath();
        String token = request.getRequestUrl().queryParameter("access_token");
        calls.add(new Call(path, token, body));
        return switch (path) {
            case "/cgi-bin/stable_token" -> stableToken(body);
            case "/cgi-bin/message/custom/send" -> send(token, Map.of());
            case "/cgi-bin/message/template/send" -> template(token);
            default -> new MockResponse().setResponseCode(404);
        };
    }

    private MockResponse stableToken(JsonNode body) {
        if (!tokenErrors.isEmpty()) {
            return error(tokenErrors.poll());
        }
        if (!appId.equals(body.path("appid").asText()) || !secret.equals(body.path("secret").asText())
                || !"client_credential".equals(body.path("grant_type").asText())) {
            return error(40125);
        }
        if (currentToken == null || body.path("force_refresh").asBoolean(false)) {
            validTokens.remove(currentToken);
            currentToken = "token-" + tokenCounter.incrementAndGet();
            validTokens.add(currentToken);
        }
        return json(Map.of("access_token", currentToken, "expires_in", 7200));
    }

    private MockResponse template(String token) {
        long msgId = msgIds.getAndIncrement();
        boolean accepted = sendErrors.isEmpty() && token != null && validTokens.contains(token);
        if (accepted) {
            templateMsgIds.add(msgId);
        }
        return send(token, Map.of("msgid", msgId));
    }

    private MockResponse send(String token, Map<String, Object> extra) {
        if (!sendErrors.isEmpty()) {
            return error(sendErrors.poll());
        }
        if (token == null || !validTokens.contains(token)) {
            return error(40001);
        }
        Map<String, Object> ok = new java.util.LinkedHashMap<>(Map.of("errcode", 0, "errmsg", "ok"));
        ok.putAll(extra);
        return json(ok);
    }

    private static MockResponse error(int errcode) {
        return json(Map.of("errcode", errcode, "errmsg", "fake error " + errcode));
    }

    private static MockResponse json(Map<String, Object> body) {
        try {
            return new MockResponse().setHeader("Content-Type", "application/json; encoding=utf-8")
                    .setBody(JSON.writeValueAsString(body));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
