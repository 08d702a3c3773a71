package io.feedbackbot.wechat.invitation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.feedbackbot.wechat.api.TemplateMessage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InvitationTemplateTest {

    private static final String OPENID = "oyORnuP8q7ou2gfYjqLzSIWZf0rs";

    private static InvitationTemplate template() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("thing1", "{store}的用餐体验");
        fields.put("time2", "{visitedAt}");
        fields.put("thing3", "邀请您评价");
        return new InvitationTemplate("TEMPLATE_ID", fields, "thing3", "回复 1 开始", Optional.of("#173177"));
    }

    private static final Map<String, String> VALUES = Map.of("store", "徐汇店", "visitedAt", "2024-05-01 12:30");

    @Test
    void anInvitationWithALinkFillsTheFieldsAndCarriesTheLink() {
        TemplateMessage message = template().render(OPENID, VALUES, Optional.of("https://fb.example/s/abc"), "inv-42");

        assertEquals(OPENID, message.toUser());
        assertEquals("TEMPLATE_ID", message.templateId());
        assertEquals(Optional.of("https://fb.example/s/abc"), message.url());
        assertEquals(Optional.of("inv-42"), message.clientMsgId());
        assertEquals(new TemplateMessage.Field("徐汇店的用餐体验", Optional.of("#173177")), message.data().get("thing1"));
        assertEquals("2024-05-01 12:30", message.data().get("time2").value());
        assertEquals("邀请您评价", message.data().get("thing3").value());
        assertEquals(List.of("thing1", "time2", "thing3"), List.copyOf(message.data().keySet()));
    }

    @Test
    void anInvitationWithoutALinkAsksForAReplyInThePromptField() {
        TemplateMessage message = template().render(OPENID, VALUES, Optional.empty(), "inv-42");

        assertEquals(Optional.empty(), message.url());
        assertEquals("邀请您评价\n回复 1 开始", message.data().get("thing3").value());
    }

    @Test
    void aPromptFieldOutsideTheMappingIsAdded() {
        InvitationTemplate remark = new InvitationTemplate("T", Map.of("thing1", "x"), "remark", "回复 1 开始",
                Optional.empty());
        assertEquals("回复 1 开始", remark.render(OPENID, Map.of(), Optional.empty(), "i").data().get("remark").value());
    }

    @Test
    void valuesAreInsertedLiterallyEvenWithDollarSignsAndBraces() {
        TemplateMessage message = template().render(OPENID,
                Map.of("store", "$1 {visitedAt} \\", "visitedAt", "now"), Optional.of("https://x"), "i");
        assertEquals("$1 {visitedAt} \\的用餐体验", message.data().get("thing1").value());
    }

    @Test
    void aMissingValueNamesTheFieldAndThePlaceholder() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> template().render(OPENID, Map.of("store", "徐汇店"), Optional.empty(), "i"));
        assertTrue(e.getMessage().contains("time2") && e.getMessage().contains("{visitedAt}"), e.getMessage());
    }

    @Test
    void aTemplateWithoutIdOrFieldsIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new InvitationTemplate(" ", Map.of("a", "b"), "a", "回复 1", Optional.empty()));
        assertThrows(IllegalArgumentException.class,
                () -> new InvitationTemplate("T", Map.of(), "a", "回复 1", Optional.empty()));
    }
}
