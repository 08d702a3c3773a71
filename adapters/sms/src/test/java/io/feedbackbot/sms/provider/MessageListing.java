package io.feedbackbot.sms.provider;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.mockwebserver.MockResponse;

/**
 * The fake provider's message list: the messages it accepted, filtered by {@code To} and {@code From}, newest
 * first, {@code PageSize} per page with a {@code next_page_uri} ({@code Page=n}) while more remain.
 */
final class MessageListing {

    private static final ObjectMapper JSON = new ObjectMapper();

    private MessageListing() {
    }

    static MockResponse page(List<FakeTwilioProvider.Created> created, Map<String, Instant> createdAt, HttpUrl url,
                             String accountSid) {
        String to = url.queryParameter("To");
        String from = url.queryParameter("From");
        int size = parse(url.queryParameter("PageSize"), 50);
        int page = parse(url.queryParameter("Page"), 0);
        List<FakeTwilioProvider.Created> matching = new ArrayList<>();
        for (int i = created.size() - 1; i >= 0; i--) {
            FakeTwilioProvider.Created c = created.get(i);
            if ((to == null || to.equals(c.form().first("To").orElse("")))
                    && (from == null || from.equals(c.form().first("From").orElse("")))) {
                matching.add(c);
            }
        }
        List<Map<String, Object>> messages = new ArrayList<>();
        for (int i = page * size; i < Math.min(matching.size(), (page + 1) * size); i++) {
            FakeTwilioProvider.Created c = matching.get(i);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("sid", c.sid());
            m.put("account_sid", accountSid);
            m.put("to", c.form().first("To").orElse(""));
            m.put("from", c.form().first("From").orElse(null));
            m.put("messaging_service_sid", c.form().first("MessagingServiceSid").orElse(null));
            m.put("body", c.form().first("Body").orElse(""));
            m.put("status", "sent");
            m.put("direction", "outbound-api");
            m.put("date_created", FakeTwilioProvider.rfc2822(createdAt.get(c.sid())));
            m.put("date_sent", FakeTwilioProvider.rfc2822(createdAt.get(c.sid())));
            messages.add(m);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("messages", messages);
        body.put("page", page);
        body.put("page_size", size);
        boolean more = (page + 1) * size < matching.size();
        body.put("next_page_uri", more ? url.newBuilder().setQueryParameter("Page", Integer.toString(page + 1))
                .build().encodedPath() + "?" + url.newBuilder().setQueryParameter("Page", Integer.toString(page + 1))
                .build().encodedQuery() : null);
        try {
            return FakeTwilioProvider.json(200, JSON.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int parse(String value, int fallback) {
        try {
            return value == null ? fallback : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
