package io.feedbackbot.server.wechat;

import static io.feedbackbot.server.testing.TestServer.TOKEN;
import static io.feedbackbot.server.testing.TestServer.json;
import static io.feedbackbot.server.testing.TestServer.parse;
import static io.feedbackbot.server.wechat.WechatFixture.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.feedbackbot.core.outbound.DeliveryState;
import io.feedbackbot.wechat.sim.SimulatorReply;
import io.feedbackbot.wechat.sim.WeChatSimulator;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Survey invitations to WeChat followers: the survey's template message when it has one (its delivery report
 * comes back as TEMPLATESENDJOBFINISH), customer-service text inside the follower's 48-hour window otherwise.
 */
class WechatInvitationTest {

    static final String TEMPLATED_SURVEY = """
            id: wechat-nps
            title: {zh-CN: 门店体验, en: Store visit}
            intro: {zh-CN: 感谢您光临本店。, en: Thanks for visiting us.}
            thanks: {zh-CN: 谢谢！, en: Thank you!}
            channels:
              wechat:
                templateId: TEMPLATE-NPS-1
                field.first: "{text}"
                field.keyword1: "{context.store}"
                replyPrompt: 直接回复 0-10 的数字即可开始
            steps:
              - id: recommend
                type: nps
                prompt:
                  zh-CN: 您有多大可能把我们推荐给朋友？请回复 0 到 10 的数字。
                  en: How likely are you to recommend us? Reply with a number from 0 to 10.
            """;

    private static final RecordingDeliveryEvents deliveries = new RecordingDeliveryEvents();
    private static WechatFixture wechat;

    @BeforeAll
    static void start() {
        wechat = new WechatFixture(Clock.systemUTC(), deliveries,
                WechatFixture.surveysWith(Map.of("wechat-nps.yaml", TEMPLATED_SURVEY)));
    }

    @AfterAll
    static void stop() {
        wechat.close();
    }

    private static JsonNode invite(String survey, String account, String openId, Map<String, String> context) {
        HttpResponse<String> response = wechat.server.post("/api/v1/surveys/" + survey + "/invitations",
                json(Map.of("channel", "wechat", "account", account, "to", openId, "language", "zh-CN",
                        "context", context)), "Authorization", "Bearer " + TOKEN);
        assertEquals(202, response.statusCode(), response.body());
        return parse(response.body());
    }

    private static String finished(String openId, long msgId, String status) {
        return "<xml><ToUserName><![CDATA[" + WechatFixture.ORIGINAL_ID + "]]></ToUserName><FromUserName><![CDATA["
                + openId + "]]></FromUserName><CreateTime>" + wechat.clock.instant().getEpochSecond()
                + "</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[TEMPLATESENDJOBFINISH]]></Event>"
                + "<MsgID>" + msgId + "</MsgID><Status><![CDATA[" + status + "]]></Status></xml>";
    }

    @Test
    void anInvitationGoesOutAsTheSurveysTemplateAndItsDeliveryReportComesBackOnce() throws IOException {
        String openId = WechatFixture.newOpenId();
        JsonNode invited = invite("wechat-nps", "main", openId, Map.of("store", "徐汇店"));
        assertEquals("started", invited.path("status").asText());

        List<JsonNode> templates = wechat.templates(openId);
        assertEquals(1, templates.size(), templates.toString());
        JsonNode template = templates.get(0);
        assertEquals("TEMPLATE-NPS-1", template.path("template_id").asText());
        assertEquals(invited.path("invitationId").asText(), template.path("client_msg_id").asText());
        assertEquals("感谢您光临本店。\n\n您有多大可能把我们推荐给朋友？请回复 0 到 10 的数字。",
                template.path("data").path("first").path("value").asText(), "{text} is the bot's opening message");
        assertEquals("徐汇店", template.path("data").path("keyword1").path("value").asText());
        assertEquals("直接回复 0-10 的数字即可开始", template.path("data").path("remark").path("value").asText());
        assertTrue(wechat.kefuTexts(openId).isEmpty(), "the follower never wrote: no customer-service message");

        long msgId = wechat.fakeApi.templateMsgIds().get(wechat.fakeApi.templateMsgIds().size() - 1);
        WeChatSimulator follower = wechat.simulator("main", openId);
        assertEquals(new SimulatorReply.Acknowledged(), follower.post(follower.raw(finished(openId, msgId, "success"))));
        assertEquals(new SimulatorReply.Acknowledged(), follower.post(follower.raw(finished(openId, msgId, "success"))),
                "WeChat's retry of the report");

        List<RecordingDeliveryEvents.Event> reported = deliveries.events().stream()
                .filter(e -> e.deliveryId().startsWith("wechat:main:" + openId + "/")).toList();
        assertEquals(1, reported.size(), reported.toString());
        assertEquals(DeliveryState.DELIVERED, reported.get(0).state());
        assertEquals("wechat-nps", reported.get(0).attributes().get("surveyId"));
        assertEquals("徐汇店", reported.get(0).attributes().get("context.store"));

        SimulatorReply answer = follower.post(follower.text("8"));
        assertTrue(assertInstanceOf(SimulatorReply.Text.class, answer).content().contains("谢谢"));
    }

    @Test
    void aBlockedTemplateIsReportedAsFailed() throws IOException {
        String openId = WechatFixture.newOpenId();
        invite("wechat-nps", "main", openId, Map.of("store", "静安店"));
        long msgId = wechat.fakeApi.templateMsgIds().get(wechat.fakeApi.templateMsgIds().size() - 1);
        WeChatSimulator follower = wechat.simulator("main", openId);

        follower.post(follower.raw(finished(openId, msgId, "failed:user block")));

        List<RecordingDeliveryEvents.Event> reported = deliveries.events().stream()
                .filter(e -> e.deliveryId().startsWith("wechat:main:" + openId + "/")).toList();
        assertEquals(1, reported.size(), reported.toString());
        assertEquals(DeliveryState.FAILED, reported.get(0).state());
        assertEquals("failed:user block", reported.get(0).detail());
    }

    @Test
    void withoutATemplateAnInvitationIsCustomerServiceTextInsideTheWindow() throws IOException {
        String openId = WechatFixture.newOpenId();
        WeChatSimulator follower = wechat.simulator("welcome", openId);
        assertEquals(new SimulatorReply.Acknowledged(), follower.post(follower.text("在吗")),
                "no default survey on this account: the bot stays silent, but the window is open");

        assertEquals("started", invite("post-delivery-nps", "welcome", openId, Map.of()).path("status").asText());

        eventually("the opening", () -> wechat.kefuTexts(openId).size() == 1);
        String opening = wechat.kefuTexts(openId).get(0);
        assertTrue(opening.startsWith("您好！感谢您的订单") && opening.contains("推荐给朋友或同事"), opening);
        assertTrue(wechat.templates(openId).isEmpty());
    }

    @Test
    void withoutATemplateAnInvitationToSomeoneWhoNeverWroteIsNotSent() {
        String openId = WechatFixture.newOpenId();
        JsonNode invited = invite("post-delivery-nps", "welcome", openId, Map.of());

        assertTrue(invited.path("delivery").asText().contains("NotSent"), invited.toString());
        assertTrue(wechat.kefuTexts(openId).isEmpty() && wechat.templates(openId).isEmpty());
    }
}
