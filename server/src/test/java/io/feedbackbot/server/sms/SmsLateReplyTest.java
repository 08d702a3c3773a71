package io.feedbackbot.server.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.feedbackbot.redis.RedisKeys;
import io.feedbackbot.redis.testing.TestRedis;
import io.feedbackbot.sms.form.FormParams;
import io.feedbackbot.sms.sim.SimulatedReply;
import io.feedbackbot.sms.sim.SimulatedSms;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** With {@code replyDeadline: 0s} every webhook answers at once and the replies follow through the REST API. */
class SmsLateReplyTest {

    private static SmsRig rig;

    @BeforeAll
    static void start() {
        rig = SmsRig.start("        replyDeadline: 0s\n");
    }

    @AfterAll
    static void stop() throws Exception {
        rig.close();
    }

    @Test
    void aReplyThatMissesTheDeadlineGoesThroughTheRestApiExactlyOnce() {
        String customer = "+8613800000301";
        SimulatedSms hello = rig.simulator.compose(customer, SmsRig.NUMBER, "hello");

        SimulatedReply answer = rig.post(hello);

        assertEquals(new SimulatedReply(200, List.of(), Optional.empty()), answer, "an empty <Response/>");
        SmsRig.await("the reply through the REST API", () -> !rig.createdTo(customer).isEmpty());
        FormParams sent = rig.createdTo(customer).get(0).form();
        assertTrue(sent.first("Body").orElseThrow().contains("How likely are you to recommend us"));
        assertEquals(SmsRig.PUBLIC_URL + "/status", sent.first("StatusCallback").orElseThrow());

        SimulatedReply retry = rig.post(hello);

        assertEquals(List.of(), retry.messages(), "the retry must not carry the replies that went by API");
        String intent = new RedisKeys(rig.server.prefix).global("sms:send:reply/main/" + hello.messageSid() + "/0");
        SmsRig.await("the reply's outcome in the journal",
                () -> "accepted".equals(TestRedis.client().hget(intent, "kind")));
        assertEquals(1, rig.requestsTo(customer).size(), "exactly one SMS for the reply");
    }

    @Test
    void anAnswerAfterTheDeadlineIsStoredOnceAndItsReplyFollows() {
        String customer = "+8613800000302";
        rig.text(customer, "你好");
        SmsRig.await("the first question", () -> rig.createdTo(customer).size() == 1);

        SimulatedReply answer = rig.text(customer, "10");

        assertEquals(List.of(), answer.messages());
        SmsRig.await("the second question", () -> rig.createdTo(customer).size() == 2);
        assertEquals("太好了，谢谢！您最喜欢这次配送的哪一点？", rig.createdTo(customer).get(1).form().first("Body").orElseThrow());
        assertEquals(1, rig.answersOf(customer).size());
    }

    @Test
    void aMessageParkedByANodeThatDiedIsStoredAndAnsweredOnceByAnother() {
        String customer = "+8613800000303";
        var key = new io.feedbackbot.core.conversation.ConversationKey("sms", "main", customer);
        var message = new io.feedbackbot.core.message.InboundMessage(key, "SMdead0000000000000000000000000001",
                new io.feedbackbot.core.message.InboundContent.Text("hello"), java.time.Instant.now());
        var parked = new io.feedbackbot.server.channel.ParkedMessages(TestRedis.client(),
                new RedisKeys(rig.server.prefix));
        parked.park(message);
        // The other tests' late replies release their parked messages just after sending; wait for that, so that
        // only this test's message is older than the zero grace below.
        String stream = new RedisKeys(rig.server.prefix).global("{inbound}:parked");
        SmsRig.await("only this message parked", () -> TestRedis.client().xlen(stream) == 1);

        int resumed = rig.server.app().resumeParkedMessages(java.time.Duration.ZERO);

        assertEquals(1, resumed);
        SmsRig.await("the reply through the REST API", () -> rig.createdTo(customer).size() == 1);
        assertTrue(rig.createdTo(customer).get(0).form().first("Body").orElseThrow().contains("recommend us"));
        assertEquals(0, rig.server.app().resumeParkedMessages(java.time.Duration.ZERO), "released once handled");
        SimulatedReply retry = rig.post(rig.simulator.compose(customer, SmsRig.NUMBER, "hello"));
        assertEquals(List.of(), retry.messages());
    }
}
