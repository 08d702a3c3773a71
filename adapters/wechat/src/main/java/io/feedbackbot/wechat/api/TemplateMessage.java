package io.feedbackbot.wechat.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A template message to one user ({@code message/template/send}). Data keeps its order so the request body is
 * predictable.
 *
 * @param url         the page opened when the user taps the message (the survey link), if any
 * @param clientMsgId WeChat's anti-duplicate id (per WxJava; semantics unverified), our invitation id
 */
public record TemplateMessage(String toUser, String templateId, Optional<String> url, Map<String, Field> data,
        Optional<String> clientMsgId) {

    public TemplateMessage {
        Objects.requireNonNull(toUser, "toUser");
        Objects.requireNonNull(templateId, "templateId");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(clientMsgId, "clientMsgId");
        data = Collections.unmodifiableMap(new LinkedHashMap<>(data));
    }

    /** One data field: its value and an optional colour such as {@code #173177}. */
    public record Field(String value, Optional<String> color) {
        public Field {
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(color, "color");
        }

        public static Field of(String value) {
            return new Field(value, Optional.empty());
        }
    }
}
