package io.feedbackbot.server.wechat;

import static io.feedbackbot.server.wechat.WechatFixture.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.feedbackbot.core.outbound.DeliveryEvents;
import io.feedbackbot.server.testing.TestServer;
import io.feedbackbot.wechat.sim.SimulatedPush;
import io.feedbackbot.wechat.sim.SimulatorReply;
import io.feedbackbot.wechat.sim.WeChatSimulator;
import io.feedbackbot.wechat.testing.MutableClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** WeChat's retries, and the same push arriving on several nodes at once, never make a second reply or answer. */
class WechatRetriesTest {

    private static SimulatedPush to(TestServer node, SimulatedPush push) {
        return new SimulatedPush(push.url().newBuilder().port(node.app().port()).build(), push.body(), push.plainXml());
    }

    @Test
    void theSameMessagePostedFourTimesAtOnceOnTwoNodesGetsOneReplyAndOneStoredAnswer() throws Exception {
        try (WechatFixture wechat = new WechatFixture(); TestServer second = wechat.server.anotherNode()) {
            String openId = WechatFixture.newOpenId();
            WeChatSimulator follower = wechat.simulator("main", openId);
            assertInstanceOf(SimulatorReply.Text.class, follower.post(follower.text("你好")));
            SimulatedPush nine = follower.text("9");
            List<SimulatedPush> copies = List.of(nine, to(second, nine), nine, to(second, nine));

            CountDownLatch go = new CountDownLatch(1);
            List<CompletableFuture<SimulatorReply>> posts = new ArrayList<>();
            for (SimulatedPush copy : copies) {
                posts.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        go.await();
                        return follower.post(copy);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                }));
            }
            go.countDown();
            List<String> passive = new ArrayList<>();
            for (CompletableFuture<SimulatorReply> post : posts) {
                SimulatorReply reply = post.join();
                if (reply instanceof SimulatorReply.Text text) {
                    passive.add(text.content());
                } else {
                    assertInstanceOf(SimulatorReply.Acknowledged.class, reply);
                }
            }
            if (passive.isEmpty()) {
                eventually("the reply through the customer-service API", () -> wechat.kefuTexts(openId).size() == 1);
            }
            List<String> replies = new ArrayList<>(passive);
            replies.addAll(wechat.kefuTexts(openId));
            assertEquals(1, replies.size(), "one reply in all: " + replies);
            assertTrue(replies.get(0).contains("最喜欢"), replies.get(0));
            assertEquals(1, wechat.answers(openId).size(), "one stored answer");
            assertEquals(9, wechat.answers(openId).get(0).path("score").asInt());
        }
    }

    @Test
    void aReplyThatMissesTheDeadlineArrivesOnceThroughTheCustomerServiceApi() throws Exception {
        Logger logger = (Logger) LoggerFactory.getLogger("io.feedbackbot");
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        logger.addAppender(logs);
        try (WechatFixture wechat = new WechatFixture()) {
            String openId = WechatFixture.newOpenId();
            WeChatSimulator follower = wechat.simulator("late", openId);
            assertEquals(new SimulatorReply.Acknowledged(), follower.post(follower.event("subscribe",
                    Optional.empty())), "an event whose id holds the OpenID, for the log check below");
            SimulatedPush hello = follower.text("你好");

            assertEquals(new SimulatorReply.Acknowledged(), follower.post(hello));
            eventually("the late reply", () -> wechat.kefuTexts(openId).size() == 1);
            assertTrue(wechat.kefuTexts(openId).get(0).contains("推荐给朋友或同事"));

            assertEquals(new SimulatorReply.Acknowledged(), follower.post(hello), "WeChat's retry");
            assertEquals(new SimulatorReply.Acknowledged(), follower.post(follower.text("9")));
            eventually("the reply to the score", () -> wechat.kefuTexts(openId).size() >= 2);
            List<String> sent = wechat.kefuTexts(openId);
            assertEquals(2, sent.size(), "the retry sent nothing: " + sent);
            assertTrue(sent.get(1).contains("最喜欢"), sent.get(1));
            assertEquals(1, wechat.answers(openId).size());
            assertTrue(logs.list.stream().anyMatch(e -> e.getFormattedMessage().contains("customer-service API")));
            logs.list.forEach(e -> assertTrue(!e.getFormattedMessage().contains(openId), e.getFormattedMessage()));
        } finally {
            logger.detachAppender(logs);
        }
    }

    @Test
    void aRetryAfterWeChatGaveUpOnAPassiveReplyIsAnsweredAgainButATwinIsNot() throws Exception {
        MutableClock clock = new MutableClock(Instant.now());
        try (WechatFixture wechat = new WechatFixture(clock, DeliveryEvents.NONE, TestServer.SHIPPED_SURVEYS)) {
            String openId = WechatFixture.newOpenId();
            WeChatSimulator follower = wechat.simulator("main", openId);
            SimulatedPush hello = follower.text("你好");

            String first = assertInstanceOf(SimulatorReply.Text.class, follower.post(hello)).content();
            assertEquals(new SimulatorReply.Acknowledged(), follower.post(hello), "a twin while the first is answered");
            clock.advance(Duration.ofSeconds(5));
            SimulatorReply retry = follower.post(hello);

            assertEquals(first, assertInstanceOf(SimulatorReply.Text.class, retry).content(),
                    "WeChat retries only after it gave up on the first answer, so the retry carries it");
            assertTrue(wechat.kefuTexts(openId).isEmpty());
        }
    }
}
