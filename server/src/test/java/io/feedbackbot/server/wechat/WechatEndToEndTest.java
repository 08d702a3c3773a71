package io.feedbackbot.server.wechat;

import static io.feedbackbot.server.testing.TestServer.TOKEN;
import static io.feedbackbot.server.testing.TestServer.json;
import static io.feedbackbot.server.testing.TestServer.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.feedbackbot.redis.testing.TestRedis;
import io.feedbackbot.wechat.sim.SimulatorMode;
import io.feedbackbot.wechat.sim.SimulatorReply;
import io.feedbackbot.wechat.sim.WeChatSimulator;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Followers take surveys over the WeChat webhook of a real server, as WeChat would deliver their messages. */
class WechatEndToEndTest {

    private static WechatFixture wechat;

    @BeforeAll
    static void start() {
        wechat = new WechatFixture();
    }

    @AfterAll
    static void stop() {
        wechat.close();
    }

    private static String say(WeChatSimulator follower, String text) throws IOException {
        SimulatorReply reply = follower.post(follower.text(text));
        return assertInstanceOf(SimulatorReply.Text.class, reply, "a passive reply to '" + text + "'").content();
    }

    @Test
    void aFollowerTakesTheNpsSurveyInSafeModeAndEveryAnswerIsStored() throws IOException {
        String openId = WechatFixture.newOpenId();
        WeChatSimulator follower = wechat.simulator("main", openId);

        SimulatorReply first = follower.post(follower.text("你好"));
        SimulatorReply.Text opening = assertInstanceOf(SimulatorReply.Text.class, first);
        assertTrue(opening.encrypted(), "safe mode replies are encrypted");
        assertTrue(opening.content().contains("推荐给朋友或同事"), opening.content());
        assertTrue(opening.content().startsWith("您好！感谢您的订单") && opening.content().contains("\n\n"),
                "intro and question are one passive reply, a blank line apart: " + opening.content());
        assertTrue(say(follower, "9分").contains("最喜欢"));
        assertTrue(say(follower, "骑手很准时").contains("感谢"));

        List<JsonNode> answers = wechat.answers(openId);
        assertEquals(2, answers.size());
        assertEquals("recommend", answers.get(0).path("questionId").asText());
        assertEquals(9, answers.get(0).path("score").asInt());
        assertEquals("wechat", answers.get(0).path("channel").asText());
        assertEquals("main", answers.get(0).path("account").asText());
        assertEquals("骑手很准时", answers.get(1).path("value").asText());
        assertTrue(wechat.kefuTexts(openId).isEmpty(), "everything was answered passively");
    }

    @Test
    void compatibleAndPlainModeFollowersGetRepliesInTheirMode() throws IOException {
        WeChatSimulator compatible = wechat.simulator(wechat.server, "main", WechatFixture.newOpenId(),
                SimulatorMode.COMPATIBLE);
        SimulatorReply.Text encrypted = assertInstanceOf(SimulatorReply.Text.class,
                compatible.post(compatible.text("hello")));
        assertTrue(encrypted.encrypted());
        assertTrue(encrypted.content().contains("recommend"), encrypted.content());

        WeChatSimulator plain = wechat.simulator(wechat.server, "plain", WechatFixture.newOpenId(),
                SimulatorMode.PLAIN);
        SimulatorReply.Text clear = assertInstanceOf(SimulatorReply.Text.class, plain.post(plain.text("hello")));
        assertTrue(!clear.encrypted() && clear.content().contains("recommend"), clear.content());
    }

    @Test
    void anImageDuringASurveyGetsAPoliteRequestForText() throws IOException {
        String openId = WechatFixture.newOpenId();
        WeChatSimulator follower = wechat.simulator("main", openId);
        say(follower, "你好");
        SimulatorReply reply = follower.post(follower.image());
        String text = assertInstanceOf(SimulatorReply.Text.class, reply).content();
        assertTrue(text.contains("文字"), "asks for text: " + text);
        assertTrue(wechat.answers(openId).isEmpty());
    }

    @Test
    void aNewFollowerGetsTheWelcomeSurveysFirstQuestion() throws IOException {
        WeChatSimulator follower = wechat.simulator("welcome", WechatFixture.newOpenId());
        SimulatorReply reply = follower.post(follower.event("subscribe", Optional.empty()));
        assertTrue(assertInstanceOf(SimulatorReply.Text.class, reply).content().contains("推荐给朋友或同事"));
    }

    @Test
    void aMenuClickStartsTheSurveyItsKeyNames() throws IOException {
        WeChatSimulator follower = wechat.simulator("welcome", WechatFixture.newOpenId());
        SimulatorReply reply = follower.post(follower.event("CLICK", Optional.of("survey:post-service-csat")));
        assertTrue(assertInstanceOf(SimulatorReply.Text.class, reply).content().contains("满意"));
    }

    @Test
    void anUnfollowOptsOutPurgesTheConversationAndDeclinesLaterInvitations() throws IOException {
        String openId = WechatFixture.newOpenId();
        WeChatSimulator follower = wechat.simulator("main", openId);
        say(follower, "你好");
        var state = wechat.server.prefix + "{conv:wechat:main:" + openId + "}:state";
        var optout = wechat.server.prefix + "{conv:wechat:main:" + openId + "}:optout";
        var kefu = wechat.server.prefix + "{conv:wechat:main:" + openId + "}:wx:kefu";
        assertTrue(TestRedis.client().exists(state) && TestRedis.client().exists(kefu));

        assertInstanceOf(SimulatorReply.Acknowledged.class, follower.post(follower.event("unsubscribe",
                Optional.empty())));

        assertTrue(TestRedis.client().exists(optout), "the opt-out is kept");
        assertTrue(!TestRedis.client().exists(state) && !TestRedis.client().exists(kefu), "the rest is deleted");
        var invited = wechat.server.post("/api/v1/surveys/post-delivery-nps/invitations",
                json(Map.of("channel", "wechat", "account", "main", "to", openId)),
                "Authorization", "Bearer " + TOKEN);
        assertEquals(202, invited.statusCode(), invited.body());
        assertEquals("declined", parse(invited.body()).path("status").asText());
        assertEquals("opted_out", parse(invited.body()).path("reason").asText());
        assertTrue(wechat.templates(openId).isEmpty() && wechat.kefuTexts(openId).isEmpty());
    }
}
