package io.feedbackbot.server.wechat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.feedbackbot.config.ConfigException;
import io.feedbackbot.dialogs.survey.LocalizedText;
import io.feedbackbot.dialogs.survey.QuestionType;
import io.feedbackbot.dialogs.survey.Step;
import io.feedbackbot.dialogs.survey.SurveyDefinition;
import io.feedbackbot.wechat.api.TemplateMessage;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SurveyTemplateTest {

    private static SurveyDefinition survey(Map<String, String> wechat) {
        LocalizedText text = LocalizedText.of("问题", "Question");
        Step step = new Step("q", QuestionType.NPS, text, null, List.of(), false, List.of(), null);
        return new SurveyDefinition("s1", text, null, text, Duration.ofHours(1), 2, List.of(step),
                wechat.isEmpty() ? Map.of() : Map.of("wechat", wechat));
    }

    private static Map<String, String> settings(String... kv) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            out.put(kv[i], kv[i + 1]);
        }
        return out;
    }

    @Test
    void aSurveyWithoutAWechatSectionHasNoTemplate() {
        assertEquals(Optional.empty(), SurveyTemplate.of(survey(Map.of())));
    }

    @Test
    void fieldsAreFilledFromTheDeliveryAndThePromptGoesToTheRemark() {
        SurveyTemplate template = SurveyTemplate.of(survey(settings("templateId", "T1", "field.first", "{text}",
                "field.keyword1", "{context.store}"))).orElseThrow();

        TemplateMessage message = template.render("oOPENID", Map.of("text", "您好", "context.store", "徐汇店"), "inv-1");

        assertEquals("T1", message.templateId());
        assertEquals(List.of("first", "keyword1", "remark"), List.copyOf(message.data().keySet()));
        assertEquals("徐汇店", message.data().get("keyword1").value());
        assertEquals(SurveyTemplate.DEFAULT_REPLY_PROMPT, message.data().get("remark").value());
        assertEquals(Optional.of("inv-1"), message.clientMsgId());
    }

    @Test
    void aLinkReplacesTheReplyPromptWithItsValuesUrlEncoded() {
        SurveyTemplate template = SurveyTemplate.of(survey(settings("templateId", "T1", "field.first", "{text}",
                "url", "https://s.example.com/{invitationId}?store={context.store}"))).orElseThrow();

        TemplateMessage message = template.render("o", Map.of("text", "hi", "invitationId", "inv 1",
                "context.store", "徐汇&店"), "inv 1");

        assertEquals(Optional.of("https://s.example.com/inv%201?store=%E5%BE%90%E6%B1%87%26%E5%BA%97"), message.url());
        assertTrue(!message.data().containsKey("remark"));
    }

    @Test
    void anUnknownKeyStopsTheStartNamingIt() {
        ConfigException e = assertThrows(ConfigException.class, () -> SurveyTemplate.of(survey(settings(
                "templateId", "T1", "field.first", "x", "colour", "#fff"))));
        assertTrue(e.getMessage().contains("survey 's1': channels.wechat.colour"), e.getMessage());
    }

    @Test
    void aSectionWithoutTemplateIdOrFieldsStopsTheStart() {
        assertThrows(ConfigException.class, () -> SurveyTemplate.of(survey(settings("field.first", "x"))));
        assertThrows(ConfigException.class, () -> SurveyTemplate.of(survey(settings("templateId", "T1"))));
    }

    @Test
    void aPlaceholderTheDeliveryDoesNotFillIsRefusedWhenRendering() {
        SurveyTemplate template = SurveyTemplate.of(survey(settings("templateId", "T1", "field.keyword1",
                "{context.orderId}"))).orElseThrow();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> template.render("o", Map.of("text", "hi"), "inv"));
        assertTrue(e.getMessage().contains("context.orderId"), e.getMessage());
    }
}
