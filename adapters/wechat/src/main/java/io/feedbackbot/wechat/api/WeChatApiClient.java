package io.feedbackbot.wechat.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Map;
import java.util.OptionalLong;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * The WeChat server API calls the bot makes, over one shared OkHttp client and a configurable base URL (so tests
 * and staging talk to a local server). Blocking: call it off the event loop. It makes exactly one HTTP request per
 * method call; retries and token refresh belong to the callers. Never logs: URLs carry the access_token.
 */
public final class WeChatApiClient {

    /** The production base URL. */
    public static final HttpUrl DEFAULT_BASE_URL = HttpUrl.get("https://api.weixin.qq.com/");

    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    private static final long MAX_RESPONSE_BYTES = 1 << 20;

    private final OkHttpClient http;
    private final HttpUrl baseUrl;
    private final ObjectMapper json = new ObjectMapper();

    public WeChatApiClient(OkHttpClient http, HttpUrl baseUrl) {
        this.http = http;
        this.baseUrl = baseUrl;
    }

    /**
     * {@code POST cgi-bin/stable_token}. With {@code forceRefresh} WeChat issues a new token and invalidates the
     * old one (limited to 20 a day, 30 s apart); without, it returns the current token.
     *
     * @throws WeChatApiErrorException  on a non-zero errcode
     * @throws WeChatTransportException when no WeChat answer arrived
     */
    public StableToken fetchStableToken(String appId, String appSecret, boolean forceRefresh) {
        ObjectNode body = json.createObjectNode()
                .put("grant_type", "client_credential")
                .put("appid", appId)
                .put("secret", appSecret)
                .put("force_refresh", forceRefresh);
        String endpoint = "cgi-bin/stable_token";
        JsonNode answer = post(url(endpoint).build(), endpoint, body);
        ApiReply reply = reply(answer);
        if (!reply.ok()) {
            throw new WeChatApiErrorException(endpoint, reply);
        }
        String token = answer.path("access_token").asText("");
        long expiresIn = answer.path("expires_in").asLong(0);
        if (token.isEmpty() || expiresIn <= 0) {
            throw new WeChatTransportException(endpoint + " answered without access_token or expires_in", null);
        }
        return new StableToken(token, expiresIn);
    }

    /** {@code POST cgi-bin/message/custom/send} with a text message. */
    public ApiReply sendCustomText(String accessToken, String openId, String content) {
        ObjectNode body = json.createObjectNode().put("touser", openId).put("msgtype", "text");
        body.putObject("text").put("content", content);
        String endpoint = "cgi-bin/message/custom/send";
        return reply(post(withToken(endpoint, accessToken), endpoint, body));
    }

    /** {@code POST cgi-bin/message/template/send}. */
    public ApiReply sendTemplate(String accessToken, TemplateMessage message) {
        ObjectNode body = json.createObjectNode()
                .put("touser", message.toUser())
                .put("template_id", message.templateId());
        message.url().ifPresent(u -> body.put("url", u));
        message.clientMsgId().ifPresent(id -> body.put("client_msg_id", id));
        ObjectNode data = body.putObject("data");
        for (Map.Entry<String, TemplateMessage.Field> field : message.data().entrySet()) {
            ObjectNode value = data.putObject(field.getKey()).put("value", field.getValue().value());
            field.getValue().color().ifPresent(c -> value.put("color", c));
        }
        String endpoint = "cgi-bin/message/template/send";
        return reply(post(withToken(endpoint, accessToken), endpoint, body));
    }

    private HttpUrl.Builder url(String endpoint) {
        return baseUrl.newBuilder().addPathSegments(endpoint);
    }

    private HttpUrl withToken(String endpoint, String accessToken) {
        return url(endpoint).addQueryParameter("access_token", accessToken).build();
    }

    private JsonNode post(HttpUrl url, String endpoint, ObjectNode body) {
        Request request;
        try {
            request = new Request.Builder().url(url)
                    .post(RequestBody.create(json.writeValueAsBytes(body), JSON))
                    .build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a JSON tree", e);
        }
        try (Response response = http.newCall(request).execute()) {
            if (!response.isSuccessful()) {
                throw new WeChatTransportException(endpoint + " answered HTTP " + response.code(), null);
            }
            String text = response.peekBody(MAX_RESPONSE_BYTES).string();
            JsonNode answer = json.readTree(text);
            if (answer == null || !answer.isObject()) {
                throw new WeChatTransportException(endpoint + " answered something other than a JSON object", null);
            }
            return answer;
        } catch (JsonProcessingException e) {
            throw new WeChatTransportException(endpoint + " answered invalid JSON", null);
        } catch (IOException e) {
            throw new WeChatTransportException(endpoint + " failed: " + e.getClass().getSimpleName(), e);
        }
    }

    private static ApiReply reply(JsonNode answer) {
        JsonNode msgId = answer.path("msgid");
        return new ApiReply(answer.path("errcode").asInt(0), answer.path("errmsg").asText(""),
                msgId.canConvertToLong() ? OptionalLong.of(msgId.asLong()) : OptionalLong.empty());
    }
}
