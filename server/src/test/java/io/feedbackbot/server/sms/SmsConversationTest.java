package io.feedbackbot.server.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.feedbackbot.server.testing.TestServer;
import io.feedbackbot.sms.form.FormParam;
import io.feedbackbot.sms.form.FormParams;
import io.feedbackbot.sms.sim.SimulatedReply;
import io.feedbackbot.sms.sim.SimulatedSms;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Customers take the NPS survey by SMS against the real server and Redis, and opt out, in and ask for help. */
class SmsConversationTest {

    private static SmsRig rig;

    @BeforeAll
    static void start() {
        rig = SmsRig.start("");
    }

    @AfterAll
    static void stop() throws Exception {
        rig.close();
    }

    private static List<String> replies(String from, String body) {
        SimulatedReply reply = rig.text(from, body);
        assertEquals(Optional.empty(), reply.problem(), "the provider would accept our answer");
        return reply.messages();
    }

    @Test
    void aChineseCustomerTakesTheNpsSurveyBySmsAndTheAnswersAreStored() {
        String customer = "+8613800000001";

        List<String> first = replies(customer, "你好");
        assertEquals(1, first.size(), "intro and question are one SMS: " + first);
        assertTrue(first.get(0).startsWith("您好！感谢您的订单"), first.get(0));
        assertTrue(first.get(0).contains("推荐给朋友或同事"), first.get(0));
        assertEquals(List.of("太好了，谢谢！您最喜欢这次配送的哪一点？"), replies(customer, "９分"));
        assertEquals(List.of("感谢您的反馈，祝您生活愉快！"), replies(customer, "骑手很准时 & 礼貌"));

        List<JsonNode> answers = rig.answersOf(customer);
        assertEquals(2, answers.size());
        assertEquals("recommend", answers.get(0).path("questionId").asText());
        assertEquals(9, answers.get(0).path("score").asInt());
        assertEquals("sms", answers.get(0).path("channel").asText());
        assertEquals("main", answers.get(0).path("account").asText());
        assertEquals("zh-CN", answers.get(0).path("language").asText());
        assertEquals("骑手很准时 & 礼貌", answers.get(1).path("value").asText());
        assertEquals(List.of(), rig.requestsTo(customer), "every reply went in the webhook's TwiML answer");
    }

    @Test
    void anEnglishCustomerTakesTheNpsSurveyBySms() {
        String customer = "+14155552671";

        List<String> first = replies(customer, "hello");
        assertTrue(first.get(0).startsWith("Hi! Thanks for your order"), first.toString());
        assertTrue(first.get(0).contains("How likely are you to recommend us"), first.toString());
        assertEquals(List.of("We're sorry we let you down. What went wrong?"), replies(customer, "3"));
        assertEquals(List.of("Thank you for your feedback. Have a great day! A member of our team will contact you soon."),
                replies(customer, "late <again>"), "a detractor is promised a follow-up");

        List<JsonNode> answers = rig.answersOf(customer);
        assertEquals(2, answers.size());
        assertEquals(3, answers.get(0).path("score").asInt());
        assertEquals("en", answers.get(0).path("language").asText());
        assertEquals("late <again>", answers.get(1).path("value").asText());
    }

    @Test
    void aRetriedMessageSidGetsTheSameRepliesAndIsNotAnsweredTwice() {
        String customer = "+8613800000002";
        replies(customer, "你好");
        SimulatedSms nine = rig.simulator.compose(customer, SmsRig.NUMBER, "9");

        SimulatedReply original = rig.post(nine);
        SimulatedReply retry = rig.post(nine);

        assertEquals(List.of("太好了，谢谢！您最喜欢这次配送的哪一点？"), original.messages());
        assertEquals(original, retry, "the retry repeats the first answer, it is not a new turn");
        assertEquals(1, rig.answersOf(customer).size());
        assertEquals(List.of(), rig.requestsTo(customer), "nothing went through the REST API");
    }

    @Test
    void fourConcurrentDeliveriesOfOneMessageSidMakeOneTurnAndOneAnswer() throws Exception {
        String customer = "+8613800000003";
        replies(customer, "你好");
        SimulatedSms three = rig.simulator.compose(customer, SmsRig.NUMBER, "3");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<SimulatedReply> answers = new ArrayList<>();
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<SimulatedReply>> posts = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                posts.add(pool.submit(() -> {
                    go.await();
                    return rig.post(three);
                }));
            }
            go.countDown();
            for (Future<SimulatedReply> post : posts) {
                answers.add(post.get());
            }
        } finally {
            pool.shutdownNow();
        }

        for (SimulatedReply answer : answers) {
            assertEquals(List.of("很抱歉这次没让您满意。能告诉我们哪里做得不好吗？"), answer.messages());
        }
        List<JsonNode> stored = rig.answersOf(customer);
        assertEquals(1, stored.size(), stored.toString());
        assertEquals(3, stored.get(0).path("score").asInt());
        assertEquals(List.of(), rig.requestsTo(customer));
    }

    @Test
    void stopConfirmsOnceThenNothingReachesTheNumberUntilStart() {
        String customer = "+8613800000004";
        replies(customer, "你好");

        assertEquals(List.of("您已退订，我们不会再给您发送消息。如需恢复，请回复 START。"), replies(customer, "STOP"));
        assertEquals(List.of(), replies(customer, "9"), "an opted-out number gets no answer");
        assertEquals(List.of(), replies(customer, "还在吗"));
        HttpResponse<String> declined = rig.invite(customer, null);
        assertEquals(202, declined.statusCode(), declined.body());
        JsonNode result = TestServer.parse(declined.body());
        assertEquals("declined", result.path("status").asText());
        assertEquals("opted_out", result.path("reason").asText());
        assertEquals(List.of(), rig.requestsTo(customer), "the provider received nothing for the number");
        assertEquals(List.of(), rig.answersOf(customer));

        assertEquals(List.of("您已重新订阅，感谢！"), replies(customer, "START"));
        HttpResponse<String> started = rig.invite(customer, "zh-CN");
        assertEquals("started", TestServer.parse(started.body()).path("status").asText(), started.body());
        assertEquals(1, rig.requestsTo(customer).size(), "the invitation went out");
    }

    @Test
    void quitIsACarrierOptOutOnSmsButExitOnlyLeavesTheSurvey() {
        String quitter = "+8613800000005";
        replies(quitter, "hello");
        assertEquals(List.of("You're unsubscribed and won't get any more messages from us. Reply START to resubscribe."),
                replies(quitter, "QUIT"));
        assertEquals("opted_out", TestServer.parse(rig.invite(quitter, null).body()).path("reason").asText());

        String leaver = "+8613800000006";
        replies(leaver, "hello");
        assertEquals(List.of("OK, I've ended the survey. Thank you for your time!"), replies(leaver, "exit"));
        assertEquals("started", TestServer.parse(rig.invite(leaver, "en").body()).path("status").asText());
        assertEquals(1, rig.requestsTo(leaver).size());
    }

    @Test
    void helpGetsTheConfiguredTextAndABuiltInOneInALanguageWithoutText() {
        assertEquals(List.of("Acme feedback. Reply STOP to opt out, START to opt in."),
                replies("+8613800000007", "HELP"));

        String chinese = "+8613800000008";
        replies(chinese, "你好");
        assertEquals(List.of("这是客户满意度调查短信。如需退订请回复 STOP，恢复接收请回复 START。"), replies(chinese, "info"));
    }

    @Test
    void anMmsWithoutTextIsAskedForText() {
        String customer = "+8613800000009";
        replies(customer, "你好");
        SimulatedSms composed = rig.simulator.compose(customer, SmsRig.NUMBER, "");
        List<FormParam> params = new ArrayList<>();
        for (FormParam p : composed.params().asList()) {
            params.add(p.name().equals("NumMedia") ? new FormParam("NumMedia", "1") : p);
        }
        params.add(new FormParam("MediaUrl0", "https://api.twilio.com/media/ME1"));
        params.add(new FormParam("MediaContentType0", "image/jpeg"));

        SimulatedReply reply = rig.post(new SimulatedSms(composed.messageSid(), FormParams.of(params)));

        assertEquals(List.of("抱歉，我目前只能看懂文字，请用文字回复。"), reply.messages());
    }
}
