package io.feedbackbot.dialogs.survey;

import static io.feedbackbot.dialogs.survey.Fixtures.T0;
import static io.feedbackbot.dialogs.survey.Fixtures.WEB;
import static io.feedbackbot.dialogs.survey.Fixtures.invite;
import static io.feedbackbot.dialogs.survey.Fixtures.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.feedbackbot.core.conversation.ConversationState;
import io.feedbackbot.core.conversation.Language;
import io.feedbackbot.core.conversation.SurveyStatus;
import io.feedbackbot.core.dialog.Action;
import io.feedbackbot.core.dialog.DialogInput;
import io.feedbackbot.core.outbound.Delivery;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HandoffDialogTest {

    private final DialogSpec spec = new DialogSpec(Fixtures.dialog());

    /** A customer who asked for a person (in Chinese) and waits for one. */
    private DialogSpec.Then waiting() {
        return spec.given(ConversationState.fresh(WEB)).whenAll(text("你好"), text("转人工"));
    }

    private String ticketOf(ConversationState state) {
        return state.handoff().ticketId();
    }

    @Test
    void aWaitingCustomerIsAcknowledgedAtMostEveryTenMinutes() {
        ConversationState waiting = waiting().state();

        var first = spec.given(waiting).when(text("在吗", T0.plusSeconds(120)))
                .replies("我们已收到您的消息，工作人员会尽快与您联系。");
        spec.given(first.state()).when(text("有人吗", T0.plusSeconds(180))).silent();
        spec.given(first.state()).when(text("有人吗", T0.plusSeconds(120 + 600)))
                .replies("我们已收到您的消息，工作人员会尽快与您联系。");
    }

    @Test
    void whenNobodyTakesTheWorkOrderInTimeTheCustomerIsToldHonestlyOnce() {
        var asked = waiting();
        Action.ScheduleTimeout wake = asked.actions(Action.ScheduleTimeout.class).get(0);
        assertEquals(T0.plusSeconds(60).plus(Duration.ofMinutes(10)), wake.at());

        var notice = spec.given(asked.state()).when(new DialogInput.TimeoutElapsed(wake.at()));

        notice.replies("抱歉，目前人工客服繁忙。我们已记录您的问题，工作人员会在 2 小时内回电或回复您。");
        assertNull(notice.state().handoff().noticeAt());
        assertTrue(notice.actions(Action.ScheduleTimeout.class).isEmpty(), "nothing else is pending");
    }

    @Test
    void aWaitingCustomerCanLeaveTheQueue() {
        ConversationState waiting = waiting().state();
        String ticket = ticketOf(waiting);

        var left = spec.given(waiting).when(text("取消", T0.plusSeconds(120))).replies("好的，已为您取消人工服务。");

        assertNull(left.state().handoff());
        Action.UpdateTicket update = left.actions(Action.UpdateTicket.class).get(0);
        assertEquals(ticket, update.ticketId());
        assertEquals("customer_left", update.event());
    }

    @Test
    void whileAnAgentHasTheConversationTheBotIsSilentAndCarriesTheAgentsWords() {
        ConversationState waiting = waiting().state();
        String ticket = ticketOf(waiting);

        var joined = spec.given(waiting).when(new DialogInput.AgentJoined(ticket, "agent1", T0.plusSeconds(300)))
                .replies("客服已接入，请问有什么可以帮您？");
        assertEquals("agent1", joined.state().handoff().agent());

        spec.given(joined.state()).when(text("我的外卖少了一份", T0.plusSeconds(320))).silent();
        spec.given(joined.state()).when(text("9", T0.plusSeconds(320))).silent();

        var written = spec.given(joined.state())
                .when(new DialogInput.AgentMessage(ticket, "agent1", "非常抱歉，马上为您补送。", T0.plusSeconds(330)))
                .replies("非常抱歉，马上为您补送。");
        assertEquals(Delivery.Purpose.AGENT, written.actions(Action.SendReply.class).get(0).purpose());
    }

    @Test
    void anAgentJoiningDuringADetractorsSurveyEndsItKeepingItsAnswers() {
        ConversationState detractor = spec.given(ConversationState.fresh(WEB))
                .whenAll(invite(WEB, "post-delivery-nps", Language.ZH_CN), text("2")).state();

        var joined = spec.given(detractor).when(new DialogInput.AgentJoined(ticketOf(detractor), "agent1",
                T0.plusSeconds(90)));

        assertNull(joined.state().survey());
        assertEquals(SurveyStatus.HANDED_OFF, joined.state().lastClosed().status());
        assertEquals(SurveyStatus.HANDED_OFF, joined.actions(Action.RecordSurveyEvent.class).get(0).event().status());
    }

    @Test
    void aResolvedWorkOrderHandsTheCustomerBackToTheBotWhichAsksWhetherItWasSolved() {
        ConversationState waiting = waiting().state();
        String ticket = ticketOf(waiting);
        ConversationState withAgent = spec.given(waiting)
                .when(new DialogInput.AgentJoined(ticket, "agent1", T0.plusSeconds(300))).state();

        var resolved = spec.given(withAgent).when(new DialogInput.TicketEnded(ticket, "agent1", T0.plusSeconds(900)))
                .replies("您的问题解决了吗？请回复“是”或“否”。");
        assertNull(resolved.state().handoff());
        assertEquals(FollowUpSurvey.ID, resolved.state().survey().surveyId());
        assertEquals(Map.of("ticketId", ticket, "agent", "agent1", "source", "follow-up"),
                resolved.state().survey().context());

        var solved = spec.given(resolved.state()).when(text("是的", T0.plusSeconds(960)))
                .replies("您对这次人工服务满意吗？请回复 1 到 5（5 = 非常满意），不想评价可回复“跳过”。");
        Action.UpdateTicket update = solved.actions(Action.UpdateTicket.class).get(0);
        assertEquals(Map.of("solved", "yes"), update.fields());
        assertEquals("follow_up", update.event());

        var rated = spec.given(solved.state()).when(text("5", T0.plusSeconds(990))).replies("感谢您的反馈，祝您生活愉快！");
        assertEquals("agent1", rated.actions(Action.RecordAnswer.class).get(0).answer().context().get("agent"));
        assertEquals(Map.of("handling", "5"), rated.actions(Action.UpdateTicket.class).get(0).fields());
    }

    @Test
    void theHandlingRatingCanBeSkipped() {
        ConversationState waiting = waiting().state();
        String ticket = ticketOf(waiting);
        ConversationState followUp = spec.given(waiting).whenAll(
                new DialogInput.AgentJoined(ticket, "agent1", T0.plusSeconds(300)),
                new DialogInput.TicketEnded(ticket, "agent1", T0.plusSeconds(900)),
                text("否", T0.plusSeconds(960))).state();

        var skipped = spec.given(followUp).when(text("跳过", T0.plusSeconds(990)));

        assertEquals(io.feedbackbot.core.answer.AnswerStatus.SKIPPED,
                skipped.actions(Action.RecordAnswer.class).get(0).answer().status());
    }

    @Test
    void aWorkOrderClosedWithoutContactEndsTheHandoffSilently() {
        ConversationState waiting = waiting().state();

        var closed = spec.given(waiting).when(new DialogInput.TicketEnded(ticketOf(waiting), null, T0.plusSeconds(900)))
                .silent();

        assertNull(closed.state().handoff());
        assertNull(closed.state().survey());
    }

    @Test
    void agentInputsForAnotherWorkOrderAreIgnored() {
        ConversationState waiting = waiting().state();

        var other = spec.given(waiting).when(new DialogInput.AgentMessage("other", "agent2", "hi", T0.plusSeconds(5)))
                .silent();

        assertEquals(waiting.handoff(), other.state().handoff());
    }

    @Test
    void anOptedOutCustomerGetsNothingFromAnAgent() {
        ConversationState waiting = waiting().state();
        String ticket = ticketOf(waiting);
        ConversationState out = spec.given(waiting).when(text("退订", T0.plusSeconds(200))).state();

        spec.given(out).when(new DialogInput.AgentMessage(ticket, "agent1", "您好", T0.plusSeconds(300))).silent();
        List<Action> none = spec.given(out).when(new DialogInput.TicketEnded(ticket, "agent1", T0.plusSeconds(400)))
                .silent().transition.actions();
        assertTrue(none.stream().noneMatch(a -> a instanceof Action.RecordSurveyEvent), "no follow-up starts");
    }
}
