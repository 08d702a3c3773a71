package io.feedbackbot.sms.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Reads one page of the provider's message list ({@code GET …/Messages.json?To=…}, newest first): finds an
 * outbound message with the body we meant, created at or after a moment, and says whether older pages could still
 * hold one. Dates are RFC 2822 ({@code Wed, 18 Aug 2010 20:01:40 +0000}), as the provider writes them.
 */
final class MessageLog {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One page's verdict. */
    record Page(Optional<SentLookup.Found> found, String nextPageUri) {
    }

    private MessageLog() {
    }

    /**
     * @param from            our sending number, or null when a messaging service sends (then any sender matches)
     * @return the match if any, and the next page's URI when this page was full of messages newer than {@code since}
     * @throws IOException when the page is not the JSON the provider documents
     */
    static Page read(String json, String from, String body, Instant since) throws IOException {
        JsonNode page = JSON.readTree(json);
        if (page == null || !page.path("messages").isArray()) {
            throw new IOException("the message list has no 'messages' array");
        }
        Instant oldest = null;
        for (JsonNode m : page.path("messages")) {
            Instant created = date(m.path("date_created").asText(""));
            if (created != null && (oldest == null || created.isBefore(oldest))) {
                oldest = created;
            }
            boolean outbound = m.path("direction").asText("outbound-api").startsWith("outbound");
            boolean sameSender = from == null || from.equals(m.path("from").asText(""));
            boolean recent = created == null || !created.isBefore(since);
            if (outbound && sameSender && recent && body.equals(m.path("body").asText(null))) {
                return new Page(Optional.of(new SentLookup.Found(m.path("sid").asText(""),
                        m.path("status").asText("queued"))), null);
            }
        }
        String next = page.path("next_page_uri").asText("");
        boolean older = !next.isBlank() && oldest != null && !oldest.isBefore(since);
        return new Page(Optional.empty(), older ? next : null);
    }

    private static Instant date(String text) {
        if (text.isBlank()) {
            return null;
        }
        try {
            return ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
