package io.feedbackbot.server.wechat;

import io.feedbackbot.config.ConfigException;
import io.feedbackbot.dialogs.survey.SurveyDefinition;
import io.feedbackbot.wechat.api.TemplateMessage;
import io.feedbackbot.wechat.invitation.InvitationTemplate;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A survey's WeChat template, from the {@code channels.wechat} section of its file:
 * <pre>
 * channels:
 *   wechat:
 *     templateId: ngqIpbwh8bUfcSsECmogfXcV14J0tQlEpBO27izEYtY
 *     field.first: "您好，感谢您在{context.store}的惠顾"
 *     field.keyword1: "{context.orderId}"
 *     promptField: remark                 # gets the reply prompt when there is no link (default remark)
 *     replyPrompt: "直接回复本消息即可开始"   # default as shown
 *     url: "https://survey.example.com/s/{invitationId}"   # optional: a link instead of the reply prompt
 *     color: "#173177"                    # optional
 * </pre>
 * Placeholders are the delivery's attributes ({@code surveyId}, {@code invitationId}, {@code context.<name>}) and
 * {@code text}, the message the bot would have written (URL-encoded in {@code url}). Parsed at start-up, so a bad section stops the server.
 */
record SurveyTemplate(InvitationTemplate template, Optional<String> url) {

    static final String DEFAULT_PROMPT_FIELD = "remark";
    static final String DEFAULT_REPLY_PROMPT = "直接回复本消息即可开始";
    private static final Set<String> KEYS = Set.of("templateId", "promptField", "replyPrompt", "url", "color");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z0-9_.-]+)}");

    /** The survey's template, or empty when its file has no {@code channels.wechat} section. */
    static Optional<SurveyTemplate> of(SurveyDefinition survey) {
        Map<String, String> settings = survey.channel(WechatKeys.CHANNEL);
        if (settings.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> fields = new LinkedHashMap<>();
        settings.forEach((key, value) -> {
            if (key.startsWith("field.") && key.length() > "field.".length()) {
                fields.put(key.substring("field.".length()), value);
            } else if (!KEYS.contains(key)) {
                throw fail(survey, key, "is not a WeChat template setting (templateId, field.<name>, promptField, "
                        + "replyPrompt, url, color)");
            }
        });
        try {
            InvitationTemplate template = new InvitationTemplate(settings.getOrDefault("templateId", ""), fields,
                    settings.getOrDefault("promptField", DEFAULT_PROMPT_FIELD),
                    settings.getOrDefault("replyPrompt", DEFAULT_REPLY_PROMPT),
                    Optional.ofNullable(settings.get("color")).filter(c -> !c.isBlank()));
            return Optional.of(new SurveyTemplate(template,
                    Optional.ofNullable(settings.get("url")).filter(u -> !u.isBlank())));
        } catch (IllegalArgumentException e) {
            throw fail(survey, "templateId", e.getMessage());
        }
    }

    /**
     * The template message for one delivery.
     *
     * @throws IllegalArgumentException naming the field when a placeholder has no value
     */
    TemplateMessage render(String openId, Map<String, String> values, String invitationId) {
        Optional<String> link = url.map(pattern -> fill(pattern, values));
        return template.render(openId, values, link, invitationId);
    }

    private String fill(String pattern, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(pattern);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new IllegalArgumentException("template " + template.templateId() + " url uses {" + m.group(1)
                        + "}, which this message does not provide");
            }
            String encoded = URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
            m.appendReplacement(out, Matcher.quoteReplacement(encoded));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static ConfigException fail(SurveyDefinition survey, String key, String problem) {
        return new ConfigException("survey '" + survey.id() + "': channels.wechat." + key + " " + problem);
    }
}
