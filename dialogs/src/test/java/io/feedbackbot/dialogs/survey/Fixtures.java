package io.feedbackbot.dialogs.survey;

import io.feedbackbot.core.classify.ComplaintAssessment;
import io.feedbackbot.core.conversation.ConversationKey;
import io.feedbackbot.core.conversation.Invitation;
import io.feedbackbot.core.conversation.Language;
import io.feedbackbot.core.dialog.DialogInput;
import io.feedbackbot.dialogs.intent.Intent;
import io.feedbackbot.dialogs.intent.IntentLexicon;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Surveys, accounts and inputs shared by the dialog tests (the shapes of the shipped demo surveys). */
final class Fixtures {

    static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");
    static final ConversationKey WEB = new ConversationKey("webchat", "demo", "u-42");
    static final ConversationKey SMS = new ConversationKey("sms", "main", "+8613800000000");
    static final ConversationKey WECHAT = new ConversationKey("wechat", "oa", "oyORnuP8q7ou2gfYjqLzSIWZf0rs");

    private Fixtures() {
    }

    static SurveyDefinition deliveryNps() {
        return new SurveyDefinition("post-delivery-nps", LocalizedText.of("配送体验", "Delivery"),
                LocalizedText.of("您好！", "Hi!"), LocalizedText.of("感谢您的反馈！", "Thank you!"),
                Duration.ofHours(24), 2, List.of(
                new Step("recommend", QuestionType.NPS, LocalizedText.of("推荐可能性 0-10？", "Recommend 0-10?"), null,
                        List.of(), false, List.of(
                        new Branch(new Condition(null, 6, null), "what-went-wrong"),
                        new Branch(new Condition(9, null, null), "what-went-well"),
                        new Branch(null, "what-to-improve")), 6),
                new Step("what-went-wrong", QuestionType.TEXT, LocalizedText.of("哪里不好？", "What went wrong?"), null,
                        List.of(), true, List.of(new Branch(null, Branch.END)), null),
                new Step("what-to-improve", QuestionType.TEXT, LocalizedText.of("如何改进？", "What to improve?"), null,
                        List.of(), true, List.of(new Branch(null, Branch.END)), null),
                new Step("what-went-well", QuestionType.TEXT, LocalizedText.of("哪里好？", "What went well?"), null,
                        List.of(), true, List.of(), null)), Map.of());
    }

    static SurveyDefinition serviceCsat() {
        return new SurveyDefinition("post-service-csat", LocalizedText.of("服务满意度", "Service"), null,
                LocalizedText.of("谢谢！", "Thanks!"), Duration.ofHours(24), 1, List.of(
                new Step("satisfaction", QuestionType.CSAT, LocalizedText.of("满意度 1-5？", "Satisfied 1-5?"), null,
                        List.of(), false, List.of(), 2),
                new Step("effort", QuestionType.CES, LocalizedText.of("容易吗 1-7？", "Easy 1-7?"), null, List.of(),
                        false, List.of(), null),
                new Step("channel", QuestionType.CHOICE, LocalizedText.of("您通过什么联系我们？", "How did you reach us?"),
                        null, List.of(new ChoiceOption("phone", LocalizedText.of("电话", "Phone")),
                        new ChoiceOption("chat", LocalizedText.of("在线聊天", "Chat"))), false, List.of(), null),
                new Step("solved", QuestionType.YES_NO, LocalizedText.of("问题解决了吗？", "Was it solved?"), null,
                        List.of(), false, List.of(), null)), Map.of());
    }

    static SurveyDialog dialog() {
        AccountProfile web = new AccountProfile("post-delivery-nps", null, Language.ZH_CN, IntentLexicon.defaults(),
                null, Duration.ofHours(12));
        AccountProfile sms = new AccountProfile(null, null, Language.EN, IntentLexicon.defaults().plus(
                new IntentLexicon(Map.of(Intent.OPT_OUT, List.of("STOPALL", "CANCEL", "END", "QUIT", "OPTOUT", "REVOKE")),
                        Map.of())), LocalizedText.of("回复 STOP 退订。", "Reply STOP to opt out."), Duration.ofHours(12));
        AccountProfile wechat = new AccountProfile(null, "post-service-csat", Language.ZH_CN, IntentLexicon.defaults(),
                null, Duration.ofHours(12));
        SurveyCatalog catalog = new SurveyCatalog(List.of(deliveryNps(), serviceCsat()),
                Map.of("webchat:demo", web, "sms:main", sms, "wechat:oa", wechat), AccountProfile.basic());
        return new SurveyDialog(catalog, DialogSettings.defaults());
    }

    static DialogInput.CustomerText text(String text, Instant at) {
        return new DialogInput.CustomerText(text, at, Language.detect(text).orElse(null), ComplaintAssessment.NONE);
    }

    static DialogInput.CustomerText text(String text) {
        return text(text, T0.plusSeconds(60));
    }

    static DialogInput.CustomerText complaint(String text, double probability, String category) {
        return new DialogInput.CustomerText(text, T0.plusSeconds(60), Language.detect(text).orElse(null),
                new ComplaintAssessment(probability, category, List.of(text.substring(0, Math.min(4, text.length())))));
    }

    static DialogInput.SurveyInvited invite(ConversationKey to, String survey, Language language) {
        return new DialogInput.SurveyInvited(new Invitation("inv-1", survey, to, language,
                Map.of("store", "SH-001", "touchpoint", "delivery"), null, T0), T0);
    }
}
