package io.feedbackbot.wechat.invitation;

import io.feedbackbot.wechat.api.TemplateMessage;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a survey invites WeChat users: the template id and, per template field, a pattern with {@code {name}}
 * placeholders (from the survey's channel settings). An invitation carries either the survey link (the template's
 * {@code url}) or, without one, the reply prompt ("回复 1 开始") appended to {@code promptField}, so the survey
 * starts in the chat. Immutable; rendering fails fast on a placeholder the invitation does not fill.
 *
 * @param fields      template field name → value pattern, in template order
 * @param promptField the field that carries the reply prompt when there is no link
 * @param color       the colour for every field, if the account's template uses one
 */
public record InvitationTemplate(String templateId, Map<String, String> fields, String promptField,
        String replyPrompt, Optional<String> color) {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z0-9_.-]+)}");

    public InvitationTemplate {
        if (templateId == null || templateId.isBlank()) {
            throw new IllegalArgumentException("an invitation template needs a template id");
        }
        if (fields == null || fields.isEmpty()) {
            throw new IllegalArgumentException("template " + templateId + " needs at least one field");
        }
        if (promptField == null || promptField.isBlank() || replyPrompt == null || replyPrompt.isBlank()) {
            throw new IllegalArgumentException("template " + templateId + " needs a prompt field and a reply prompt");
        }
        Objects.requireNonNull(color, "color");
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /**
     * The template message for one invitation.
     *
     * @param values       placeholder values (customer name, store, touchpoint…)
     * @param surveyLink   the web survey link; empty to invite by reply instead
     * @param invitationId our invitation id, sent as {@code client_msg_id}
     * @throws IllegalArgumentException naming the field and placeholder when a value is missing
     */
    public TemplateMessage render(String openId, Map<String, String> values, Optional<String> surveyLink,
            String invitationId) {
        Map<String, TemplateMessage.Field> data = new LinkedHashMap<>();
        for (Map.Entry<String, String> field : fields.entrySet()) {
            data.put(field.getKey(), field(fill(field.getKey(), field.getValue(), values)));
        }
        if (surveyLink.isEmpty()) {
            String current = data.containsKey(promptField) ? data.get(promptField).value() : "";
            data.put(promptField, field(current.isEmpty() ? replyPrompt : current + "\n" + replyPrompt));
        }
        return new TemplateMessage(openId, templateId, surveyLink, data, Optional.of(invitationId));
    }

    private TemplateMessage.Field field(String value) {
        return new TemplateMessage.Field(value, color);
    }

    private String fill(String fieldName, String pattern, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(pattern);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new IllegalArgumentException("template " + templateId + " field " + fieldName + " uses {"
                        + m.group(1) + "}, which this invitation does not provide");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
