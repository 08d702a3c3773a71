package io.feedbackbot.redis.conversation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.feedbackbot.core.answer.AnswerRecord;
import io.feedbackbot.core.answer.SurveyEvent;
import io.feedbackbot.core.conversation.ConversationKey;
import io.feedbackbot.core.conversation.ConversationState;
import io.feedbackbot.core.store.Commit;
import io.feedbackbot.core.store.ConversationStore;
import io.feedbackbot.core.store.StoredConversation;
import io.feedbackbot.core.store.TicketRequest;
import io.feedbackbot.core.store.TicketUpdate;
import io.feedbackbot.redis.LuaScript;
import io.feedbackbot.redis.RedisKeys;
import io.feedbackbot.redis.answer.AnswerStreamCodec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.ZAddParams;

/**
 * Conversations in Redis: one string per conversation ({@code <version>|<json>}) with a TTL, an opt-out flag
 * that never expires, and the web chat mailbox stream, all under the conversation's hash tag. A commit is one
 * pipelined round trip: the idempotent side records (answers, milestones, tickets), the timer hint, then the
 * compare-and-set script.
 */
public final class RedisConversationStore implements ConversationStore {

    /** How long side records remember their ids, so a retried transition stores them once. */
    static final Duration RECORD_DEDUPE = Duration.ofDays(2);
    static final int MAILBOX_MAX = 200;
    /** Transcript lines kept per conversation (the newest). */
    static final int TRANSCRIPT_MAX = 100;

    private final UnifiedJedis redis;
    private final RedisKeys keys;
    private final Duration retention;
    private final ConversationCodec codec = new ConversationCodec();
    private final LuaScript commitScript = LuaScript.load("commit");
    private final LuaScript recordOnce = LuaScript.load("record_once");
    private final ObjectMapper json = new ObjectMapper();

    /** @param retention how long a conversation is kept after its last change */
    public RedisConversationStore(UnifiedJedis redis, RedisKeys keys, Duration retention) {
        this.redis = redis;
        this.keys = keys;
        this.retention = retention;
    }

    @Override
    public Optional<StoredConversation> load(ConversationKey key) {
        List<String> values = redis.mget(keys.conversation(key, "state"), keys.conversation(key, "optout"));
        String stored = values.get(0);
        boolean optedOut = values.get(1) != null;
        if (stored == null) {
            return optedOut
                    ? Optional.of(StoredConversation.fresh(key).withState(ConversationState.fresh(key).withOptedOut(true)))
                    : Optional.empty();
        }
        int bar = stored.indexOf('|');
        long version = Long.parseLong(stored.substring(0, bar));
        return Optional.of(codec.decode(key, version, stored.substring(bar + 1), optedOut));
    }

    @Override
    public boolean commit(Commit commit) {
        ConversationKey key = commit.next().state().key();
        List<LuaScript.Queued> records = new ArrayList<>();
        LuaScript.Queued saved;
        try (AbstractPipeline pipeline = redis.pipelined()) {
            for (AnswerRecord answer : commit.answers()) {
                records.add(recordOnce(pipeline, keys.survey(answer.surveyId(), "seen:" + answer.answerId()),
                        keys.survey(answer.surveyId(), "answers"), AnswerStreamCodec.fields(answer)));
            }
            for (SurveyEvent event : commit.events()) {
                String id = event.invitationId() + "/" + event.type() + (event.status() == null ? "" : "/" + event.status());
                records.add(recordOnce(pipeline, keys.survey(event.surveyId(), "seen:" + id),
                        keys.survey(event.surveyId(), "events"), AnswerStreamCodec.fields(event)));
            }
            for (TicketRequest ticket : commit.tickets()) {
                records.add(recordOnce(pipeline, keys.global("{tickets}:seen:" + ticket.ticketId()),
                        keys.global("{tickets}:requests"), ticketFields(ticket)));
            }
            for (TicketUpdate update : commit.ticketUpdates()) {
                records.add(recordOnce(pipeline, keys.global("{tickets}:seen:" + update.ticketId() + "/"
                        + update.event() + "/" + update.at().toEpochMilli()), keys.global("{tickets}:updates"),
                        List.of("id", update.ticketId(), "event", update.event(), "json", json(update.fields()),
                                "at", Long.toString(update.at().toEpochMilli()))));
            }
            if (commit.timerAt() != null && !commit.timerAt().equals(commit.previous().wakeAt())) {
                pipeline.zadd(keys.timerShard(key), commit.timerAt().toEpochMilli(), key.id(), ZAddParams.zAddParams().lt());
            }
            saved = commitScript.queue(pipeline, List.of(keys.conversation(key, "state"),
                    keys.conversation(key, "optout"), keys.conversation(key, "mailbox"),
                    keys.conversation(key, "transcript"), keys.conversation(key, "transcript-seq")), commitArgs(commit));
            pipeline.sync();
        }
        for (LuaScript.Queued record : records) {
            recordOnce.result(redis, record);
        }
        return Long.valueOf(1).equals(commitScript.result(redis, saved));
    }

    private LuaScript.Queued recordOnce(AbstractPipeline pipeline, String marker, String stream, List<String> fields) {
        List<String> args = new ArrayList<>(fields.size() + 1);
        args.add(Long.toString(RECORD_DEDUPE.toSeconds()));
        args.addAll(fields);
        return recordOnce.queue(pipeline, List.of(marker, stream), args);
    }

    private List<String> commitArgs(Commit commit) {
        StoredConversation next = commit.next();
        boolean wasOut = commit.previous().state().optedOut();
        boolean isOut = next.state().optedOut();
        String optOut = wasOut == isOut ? "" : isOut ? "set:" + System.currentTimeMillis() : "clear";
        List<List<String>> mailbox = commit.mailbox().stream().map(m -> List.of(m.deliveryId(), m.text(),
                Long.toString(m.at().toEpochMilli()))).toList();
        List<String> transcript = commit.transcript().stream().map(l -> json(Map.of("from", l.from(),
                "text", l.text(), "at", l.at().toEpochMilli()))).toList();
        boolean announceTranscript = next.state().handoff() != null || commit.previous().state().handoff() != null;
        return List.of(
                Long.toString(commit.previous().version()),
                Long.toString(next.version()),
                codec.encode(next),
                Long.toString(retention.toSeconds()),
                optOut,
                next.state().key().id(),
                Integer.toString(MAILBOX_MAX),
                keys.mailboxChannel(),
                mailbox.isEmpty() ? "" : json(mailbox),
                Integer.toString(TRANSCRIPT_MAX),
                announceTranscript ? keys.transcriptChannel() : "",
                transcript.isEmpty() ? "" : json(transcript));
    }

    private String json(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> ticketFields(TicketRequest t) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ticketId", t.ticketId());
        body.put("conversation", t.key().id());
        body.put("reason", t.reason());
        body.put("priority", t.priority());
        body.put("evidence", t.evidence());
        body.put("surveyId", t.surveyId());
        body.put("invitationId", t.invitationId());
        body.put("context", t.context());
        body.put("answers", t.answers().stream().map(a -> Map.of("question", a.questionId(),
                "value", Objects.toString(a.value(), ""))).toList());
        body.put("at", t.at().toEpochMilli());
        return List.of("id", t.ticketId(), "json", json(body));
    }
}
