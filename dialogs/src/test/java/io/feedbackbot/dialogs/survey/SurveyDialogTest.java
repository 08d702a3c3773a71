package io.feedbackbot.dialogs.survey;

import static io.feedbackbot.dialogs.survey.Fixtures.SMS;
import static io.feedbackbot.dialogs.survey.Fixtures.T0;
import static io.feedbackbot.dialogs.survey.Fixtures.WEB;
import static io.feedbackbot.dialogs.survey.Fixtures.WECHAT;
import static io.feedbackbot.dialogs.survey.Fixtures.complaint;
import static io.feedbackbot.dialogs.survey.Fixtures.invite;
import static io.feedbackbot.dialogs.survey.Fixtures.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.feedbackbot.core.answer.AnswerRecord;
import io.feedbackbot.core.answer.AnswerStatus;
import io.feedbackbot.core.answer.SurveyEvent;
import io.feedbackbot.core.conversation.ConversationState;
import io.feedbackbot.core.conversation.Language;
import io.feedbackbot.core.conversation.SurveyStatus;
import io.feedbackbot.core.dialog.Action;
import io.feedbackbot.core.dialog.DialogInput;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SurveyDialogTest {

    private final DialogSpec spec = new DialogSpec(Fixtures.dialog());

    private static ConversationState fresh() {
        return ConversationState.fresh(WEB);
    }

    /** A conversation that was invited in Chinese and waits for the NPS answer. */
    private ConversationState askedNpsInChinese() {
        return spec.given(fresh()).when(invite(WEB, "post-delivery-nps", Language.ZH_CN)).state();
    }

    @Test
    void aCustomerWritingFirstGetsTheDefaultSurveyInTheirLanguage() {
        var then = spec.given(fresh()).when(text("hi there")).replies("Hi!\n\nRecommend 0-10?");

        assertEquals(Language.EN, then.state().survey().language());
        assertEquals("recommend", then.state().survey().stepId());
        assertEquals(List.of(T0.plusSeconds(60).plus(Duration.ofHours(24))),
                then.actions(Action.ScheduleTimeout.class).stream().map(Action.ScheduleTimeout::at).toList());
        assertEquals(SurveyEvent.Type.STARTED, then.actions(Action.RecordSurveyEvent.class).get(0).event().type());
    }

    @Test
    void chineseTextStartsTheSurveyInChinese() {
        spec.given(fresh()).when(text("你好")).replies("您好！\n\n推荐可能性 0-10？");
    }

    @Test
    void aFirstMessageWithoutWordsTakesTheAccountLanguage() {
        spec.given(fresh()).when(text("9")).replies("您好！\n\n推荐可能性 0-10？");
    }

    @Test
    void anInvitationWithoutALanguageAsksInBothAndTheFirstReplyFixesTheLanguage() {
        var invited = spec.given(fresh()).when(invite(WEB, "post-delivery-nps", null))
                .replies("您好！\nHi!\n\n推荐可能性 0-10？\nRecommend 0-10?");

        var answered = spec.given(invited.state()).when(text("nine")).replies("What went well?");

        assertEquals(Language.EN, answered.state().survey().language());
        assertEquals(Language.EN, answered.state().language(), "the conversation keeps the language");
    }

    @Test
    void aDetractorIsAskedWhatWentWrongAndAWorkOrderOpens() {
        var then = spec.given(askedNpsInChinese()).when(text("3分")).replies("哪里不好？");

        AnswerRecord answer = then.actions(Action.RecordAnswer.class).get(0).answer();
        assertEquals(3, answer.score());
        assertEquals("nps", answer.questionType());
        assertEquals("0-10", answer.scale());
        assertEquals(Map.of("store", "SH-001", "touchpoint", "delivery"), answer.context());
        assertEquals("3分", answer.rawText());
        assertEquals(T0, answer.askedAt());
        assertEquals("inv-1/recommend", answer.answerId());
        Action.OpenTicket ticket = then.actions(Action.OpenTicket.class).get(0);
        assertEquals("detractor", ticket.reason());
        assertEquals("3", ticket.evidence().get("score"));
        assertEquals(ticket.ticketId(), then.state().handoff().ticketId());
    }

    @Test
    void aPromoterIsAskedWhatWentWellAndNoWorkOrderOpens() {
        var then = spec.given(askedNpsInChinese()).when(text("十分")).replies("哪里好？");

        assertTrue(then.actions(Action.OpenTicket.class).isEmpty());
        assertEquals(10, then.actions(Action.RecordAnswer.class).get(0).answer().score());
    }

    @Test
    void aPassiveIsAskedWhatToImprove() {
        spec.given(askedNpsInChinese()).when(text("打8分吧")).replies("如何改进？");
    }

    @Test
    void anAnswerNotUnderstoodIsAskedAgainWithAnExample() {
        var then = spec.given(askedNpsInChinese()).when(text("还行吧"))
                .replies("抱歉，我没看懂。请回复 0 到 10 之间的一个数字，例如 9。");

        assertTrue(then.actions(Action.RecordAnswer.class).isEmpty());
        assertEquals(1, then.state().survey().attempts());
    }

    @Test
    void anAmbiguousAnswerIsAskedWhichOne() {
        spec.given(askedNpsInChinese()).when(text("七八分")).replies("您是想选 7 还是 8 呢？请只回复一个数字。");
    }

    @Test
    void anAmbiguousEnglishAnswerIsAskedWhichOneInEnglish() {
        ConversationState asked = spec.given(fresh()).when(invite(WEB, "post-delivery-nps", Language.EN)).state();
        spec.given(asked).when(text("8 or 9")).replies("Did you mean 8 or 9? Please reply with just one number.");
    }

    @Test
    void aScoreOutsideTheScaleIsAskedAgain() {
        spec.given(askedNpsInChinese()).when(text("11"))
                .replies("抱歉，我没看懂。请回复 0 到 10 之间的一个数字，例如 9。");
    }

    @Test
    void afterTheAllowedRepromptsTheSurveyMovesOnAndRecordsNoAnswer() {
        var then = spec.given(askedNpsInChinese()).whenAll(text("嗯"), text("不好说"), text("随便"))
                .replies("没关系，我们继续。\n\n如何改进？");

        AnswerRecord answer = then.actions(Action.RecordAnswer.class).get(0).answer();
        assertEquals(AnswerStatus.NO_ANSWER, answer.status());
        assertNull(answer.value());
        assertEquals("随便", answer.rawText());
    }

    @Test
    void anOptionalQuestionCanBeSkipped() {
        var then = spec.given(askedNpsInChinese()).whenAll(text("8"), text("没有"))
                .replies("感谢您的反馈！");

        assertEquals(AnswerStatus.SKIPPED, then.actions(Action.RecordAnswer.class).get(0).answer().status());
    }

    @Test
    void theLastAnswerCompletesTheSurveyWithThanks() {
        var then = spec.given(askedNpsInChinese()).whenAll(text("10"), text("骑手很快，态度也好"))
                .replies("感谢您的反馈！");

        AnswerRecord why = then.actions(Action.RecordAnswer.class).get(0).answer();
        assertEquals("骑手很快，态度也好", why.value());
        assertEquals("text", why.questionType());
        SurveyEvent ended = then.actions(Action.RecordSurveyEvent.class).get(0).event();
        assertEquals(SurveyStatus.COMPLETED, ended.status());
        assertNull(then.state().survey());
        assertEquals(SurveyStatus.COMPLETED, then.state().lastClosed().status());
    }

    @Test
    void aDetractorsThanksPromisesAFollowUp() {
        spec.given(askedNpsInChinese()).whenAll(text("2"), text("送太慢了"))
                .replies("感谢您的反馈！我们的工作人员会尽快联系您。");
    }

    @Test
    void optingOutAtAnyStepIsConfirmedOnceAndThenTheBotIsSilent() {
        var out = spec.given(askedNpsInChinese()).when(text("退订"))
                .replies("您已退订，我们不会再给您发送消息。如需恢复，请回复 START。");
        assertTrue(out.state().optedOut());
        assertEquals(SurveyStatus.OPTED_OUT, out.actions(Action.RecordSurveyEvent.class).get(0).event().status());

        spec.given(out.state()).when(text("TD")).silent();
        spec.given(out.state()).when(text("你好")).silent();
    }

    @Test
    void anOptedOutCustomerIsNeverInvited() {
        ConversationState out = fresh().withOptedOut(true);

        var then = spec.given(out).when(invite(WEB, "post-delivery-nps", Language.ZH_CN)).silent();

        assertEquals("opted_out", then.actions(Action.DeclineInvitation.class).get(0).reason());
        assertNull(then.state().survey());
    }

    @Test
    void startOptsBackInWithAConfirmation() {
        ConversationState out = ConversationState.fresh(SMS).withOptedOut(true);

        var then = spec.given(out).when(text("START")).replies("You're subscribed again. Thank you!");

        assertFalse(then.state().optedOut());
    }

    @Test
    void helpIsAnsweredEvenWhenOptedOutWhereTheAccountHasHelpText() {
        spec.given(ConversationState.fresh(SMS).withOptedOut(true)).when(text("HELP"))
                .replies("Reply STOP to opt out.");
    }

    @Test
    void onSmsQuitIsAnOptOutBecauseTheAccountSaysSo() {
        var then = spec.given(ConversationState.fresh(SMS)).when(text("QUIT"));

        assertTrue(then.state().optedOut());
    }

    @Test
    void quitEndsOnlyThisSurveyAndALateMessageHearsItIsClosedOnce() {
        var quit = spec.given(askedNpsInChinese()).when(text("不想答了"))
                .replies("好的，本次调查已结束。感谢您抽出时间！");
        assertFalse(quit.state().optedOut());
        assertEquals(SurveyStatus.QUIT, quit.state().lastClosed().status());

        var late = spec.given(quit.state()).when(text("你好", T0.plusSeconds(120)))
                .replies("这份调查已经结束了，感谢您的关注！");
        spec.given(late.state()).when(text("在吗", T0.plusSeconds(180))).silent();
    }

    @Test
    void afterTheQuietPeriodWritingAgainStartsTheDefaultSurvey() {
        var quit = spec.given(askedNpsInChinese()).when(text("结束"));

        spec.given(quit.state()).when(text("你好", T0.plus(Duration.ofHours(13)))).replies("您好！\n\n推荐可能性 0-10？");
    }

    @Test
    void askingForAPersonOpensAWorkOrderAndEndsTheSurveyKeepingItsAnswers() {
        ConversationState afterScore = spec.given(askedNpsInChinese()).when(text("8")).state();

        var then = spec.given(afterScore).when(text("转人工"))
                .replies("好的，已为您转接人工客服，工作人员会尽快与您联系。");

        Action.OpenTicket ticket = then.actions(Action.OpenTicket.class).get(0);
        assertEquals("customer_request", ticket.reason());
        assertEquals(SurveyStatus.HANDED_OFF, then.state().lastClosed().status());
        assertEquals("customer_request", then.state().handoff().reason());
        spec.given(then.state()).when(text("人工")).replies("我们已收到您的消息，工作人员会尽快与您联系。");
    }

    @Test
    void aComplaintThatIsNotAnAnswerInterruptsTheSurveyPolitely() {
        var then = spec.given(askedNpsInChinese()).when(complaint("外卖送到都凉了，还少了一份饭", 0.93, "delivery"))
                .replies("非常抱歉给您带来不好的体验。我们已记录您反映的问题，工作人员会尽快跟进。");

        Action.OpenTicket ticket = then.actions(Action.OpenTicket.class).get(0);
        assertEquals("complaint", ticket.reason());
        assertEquals("high", ticket.priority());
        assertEquals("delivery", ticket.evidence().get("category"));
        assertEquals("0.93", ticket.evidence().get("probability"));
        assertEquals(SurveyStatus.HANDED_OFF, then.state().lastClosed().status());
    }

    @Test
    void aComplaintGivenAsTheAnswerToWhatWentWrongIsRecordedAndAcknowledgedOnce() {
        ConversationState detractor = spec.given(askedNpsInChinese()).when(text("5")).state();

        var then = spec.given(detractor).when(complaint("饭菜洒了一半", 0.95, "delivery"))
                .replies("非常抱歉给您带来不好的体验。我们已记录您反映的问题，工作人员会尽快跟进。\n\n感谢您的反馈！");

        assertEquals("饭菜洒了一半", then.actions(Action.RecordAnswer.class).get(0).answer().value());
        assertTrue(then.actions(Action.OpenTicket.class).isEmpty(), "the detractor's work order is already open");
        Action.UpdateTicket evidence = then.actions(Action.UpdateTicket.class).get(0);
        assertEquals(detractor.handoff().ticketId(), evidence.ticketId());
        assertEquals("evidence", evidence.event());
        assertEquals("delivery", evidence.fields().get("category"));
        assertEquals("complaint", evidence.fields().get("reason"));
    }

    @Test
    void urgentWordsOpenAnUrgentWorkOrderEvenWithoutAClassifier() {
        var then = spec.given(fresh()).when(text("I want a refund now"));

        Action.OpenTicket ticket = then.actions(Action.OpenTicket.class).get(0);
        assertEquals("urgent_words", ticket.reason());
        assertEquals("urgent", ticket.priority());
        assertEquals("refund", ticket.evidence().get("phrases"));
        assertNull(then.state().survey(), "a complaint is not answered with a survey");
    }

    @Test
    void aReplyAfterExpiryIsAnsweredGracefully() {
        ConversationState asked = askedNpsInChinese();

        var then = spec.given(asked).when(text("9", T0.plus(Duration.ofHours(25))))
                .replies("这份调查已经结束了，感谢您的关注！");

        assertEquals(SurveyStatus.EXPIRED, then.actions(Action.RecordSurveyEvent.class).get(0).event().status());
        assertTrue(then.actions(Action.RecordAnswer.class).isEmpty());
    }

    @Test
    void theExpiryTimeoutClosesTheSurveySilently() {
        var then = spec.given(askedNpsInChinese())
                .when(new DialogInput.TimeoutElapsed(T0.plus(Duration.ofHours(24)))).silent();

        assertNull(then.state().survey());
        assertEquals(SurveyStatus.EXPIRED, then.state().lastClosed().status());
    }

    @Test
    void anEarlyTimeoutOnlyReschedules() {
        var then = spec.given(askedNpsInChinese()).when(new DialogInput.TimeoutElapsed(T0.plusSeconds(5))).silent();

        assertEquals(T0.plus(Duration.ofHours(24)), then.actions(Action.ScheduleTimeout.class).get(0).at());
        assertEquals("recommend", then.state().survey().stepId());
    }

    @Test
    void anInvitationWhileAnotherSurveyRunsIsDeclined() {
        var then = spec.given(askedNpsInChinese()).when(new DialogInput.SurveyInvited(
                new io.feedbackbot.core.conversation.Invitation("inv-2", "post-service-csat", WEB, null, Map.of(), null,
                        T0.plusSeconds(10)), T0.plusSeconds(10))).silent();

        assertEquals("survey_in_progress", then.actions(Action.DeclineInvitation.class).get(0).reason());
    }

    @Test
    void theSameInvitationTwiceIsDeclinedAsADuplicate() {
        var then = spec.given(askedNpsInChinese()).when(invite(WEB, "post-delivery-nps", Language.ZH_CN));

        assertEquals("duplicate_invitation", then.actions(Action.DeclineInvitation.class).get(0).reason());
    }

    @Test
    void anImageDuringASurveyAsksForText() {
        spec.given(askedNpsInChinese()).when(new DialogInput.CustomerMedia("image", T0.plusSeconds(5)))
                .replies("抱歉，我目前只能看懂文字，请用文字回复。");
        spec.given(fresh()).when(new DialogInput.CustomerMedia("image", T0)).silent();
    }

    @Test
    void csatCesChoiceAndYesNoQuestionsRunInOrder() {
        ConversationState asked = spec.given(ConversationState.fresh(WECHAT))
                .when(invite(WECHAT, "post-service-csat", Language.EN)).state();

        var then = spec.given(asked).whenAll(text("⭐⭐⭐⭐"), text("6"), text("chat"), text("👍"))
                .replies("Thanks!");

        List<String> values = spec.given(asked).whenAll(text("⭐⭐⭐⭐")).actions(Action.RecordAnswer.class).stream()
                .map(a -> a.answer().value()).toList();
        assertEquals(List.of("4"), values);
        assertEquals("yes", then.actions(Action.RecordAnswer.class).get(0).answer().value());
    }

    @Test
    void aChoiceQuestionListsItsOptionsAndAcceptsANumber() {
        ConversationState asked = spec.given(ConversationState.fresh(WECHAT))
                .when(invite(WECHAT, "post-service-csat", Language.ZH_CN)).state();

        var then = spec.given(asked).whenAll(text("5"), text("7"));
        then.replies("您通过什么联系我们？\n1. 电话\n2. 在线聊天");

        var chose = spec.given(then.state()).when(text("1"));
        assertEquals("phone", chose.actions(Action.RecordAnswer.class).get(0).answer().value());
    }

    @Test
    void unfollowingOptsOutSilentlyAndFollowingStartsTheWelcomeSurvey() {
        var unfollowed = spec.given(ConversationState.fresh(WECHAT))
                .when(new DialogInput.CustomerEvent("unsubscribe", null, T0)).silent();
        assertTrue(unfollowed.state().optedOut());

        var followed = spec.given(unfollowed.state()).when(new DialogInput.CustomerEvent("subscribe", null, T0));
        assertFalse(followed.state().optedOut());
        assertEquals("post-service-csat", followed.state().survey().surveyId());
    }
}
