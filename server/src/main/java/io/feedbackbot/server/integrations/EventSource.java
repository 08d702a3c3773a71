package io.feedbackbot.server.integrations;

import io.feedbackbot.redis.answer.AnswerStreamCodec;
import java.util.Map;

/** A Redis stream webhooks read, and how its entries become events. */
public sealed interface EventSource permits EventSource.Answers, EventSource.Tickets {

    /** The stream key. */
    String stream();

    /** The event an entry stands for; throws if the entry cannot be read (it is then dead-lettered). */
    WebhookEvent event(Map<String, String> fields);

    /** The event type it yields, as configured in {@code events}: {@code answer} or {@code ticket}. */
    String kind();

    /** A survey's answer stream ({@code fb:{survey:<id>}:answers}). */
    record Answers(String survey, String stream) implements EventSource {
        @Override
        public WebhookEvent event(Map<String, String> fields) {
            return WebhookEvent.answer(AnswerStreamCodec.answer(survey, fields));
        }

        @Override
        public String kind() {
            return "answer";
        }
    }

    /** The work-order events stream ({@code fb:{tickets}:events}, fields id, type, json, at). */
    record Tickets(String stream) implements EventSource {
        @Override
        public WebhookEvent event(Map<String, String> fields) {
            return WebhookEvent.ticket(fields);
        }

        @Override
        public String kind() {
            return "ticket";
        }
    }
}
