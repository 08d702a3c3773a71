package io.feedbackbot.dialogs.survey;

/**
 * The bot's own sentences around the survey questions, in every language. Placeholders in braces are filled in
 * by the dialog: {@code {min}}, {@code {max}}, {@code {example}}, {@code {options}}. Deployments may replace any of
 * them (the honest "nobody is free yet" message in particular, {@link #noAgentYet()}).
 */
public record Phrases(LocalizedText repromptScale, LocalizedText repromptYesNo, LocalizedText repromptChoice,
                      LocalizedText askWhich, LocalizedText movingOn, LocalizedText quitConfirmed,
                      LocalizedText optedOut, LocalizedText optedIn, LocalizedText handoffRequested,
                      LocalizedText handoffPending, LocalizedText complaintAcknowledged,
                      LocalizedText followUpPromised, LocalizedText surveyClosed, LocalizedText textOnly,
                      LocalizedText reminder, LocalizedText agentJoined, LocalizedText leftQueue,
                      LocalizedText noAgentYet) {

    public static Phrases defaults() {
        return new Phrases(
                LocalizedText.of("抱歉，我没看懂。请回复 {min} 到 {max} 之间的一个数字，例如 {example}。",
                        "Sorry, I didn't catch that. Please reply with a number from {min} to {max}, for example {example}."),
                LocalizedText.of("请回复“是”或“否”。", "Please reply yes or no."),
                LocalizedText.of("请回复选项前的数字，例如 1。", "Please reply with the number of an option, for example 1."),
                LocalizedText.of("您是想选 {options} 呢？请只回复一个数字。", "Did you mean {options}? Please reply with just one number."),
                LocalizedText.of("没关系，我们继续。", "No problem, let's move on."),
                LocalizedText.of("好的，本次调查已结束。感谢您抽出时间！", "OK, I've ended the survey. Thank you for your time!"),
                LocalizedText.of("您已退订，我们不会再给您发送消息。如需恢复，请回复 START。",
                        "You're unsubscribed and won't get any more messages from us. Reply START to resubscribe."),
                LocalizedText.of("您已重新订阅，感谢！", "You're subscribed again. Thank you!"),
                LocalizedText.of("好的，已为您转接人工客服，工作人员会尽快与您联系。",
                        "Sure, I've asked a member of our team to contact you. They'll be in touch soon."),
                LocalizedText.of("我们已收到您的消息，工作人员会尽快与您联系。",
                        "We've got your message; a member of our team will contact you soon."),
                LocalizedText.of("非常抱歉给您带来不好的体验。我们已记录您反映的问题，工作人员会尽快跟进。",
                        "We're very sorry about this. We've recorded the problem, and a member of our team will follow up soon."),
                LocalizedText.of("我们的工作人员会尽快联系您。", "A member of our team will contact you soon."),
                LocalizedText.of("这份调查已经结束了，感谢您的关注！", "This survey has already closed. Thank you for getting back to us!"),
                LocalizedText.of("抱歉，我目前只能看懂文字，请用文字回复。", "Sorry, I can only read text. Please reply in text."),
                LocalizedText.of("温馨提醒：我们很想听听您的意见，只需一分钟。", "A quick reminder: we'd love your feedback, it takes a minute."),
                LocalizedText.of("客服已接入，请问有什么可以帮您？", "A member of our team has joined the chat."),
                LocalizedText.of("好的，已为您取消人工服务。", "OK, I've cancelled your request for a person."),
                LocalizedText.of("抱歉，目前人工客服繁忙。我们已记录您的问题，工作人员会在 2 小时内回电或回复您。",
                        "Sorry, our team is busy right now. We've recorded your issue and will call or write back within 2 hours."));
    }

    /** These phrases with the "nobody has taken it yet" message replaced. */
    public Phrases withNoAgentYet(LocalizedText text) {
        return new Phrases(repromptScale, repromptYesNo, repromptChoice, askWhich, movingOn, quitConfirmed, optedOut,
                optedIn, handoffRequested, handoffPending, complaintAcknowledged, followUpPromised, surveyClosed,
                textOnly, reminder, agentJoined, leftQueue, text);
    }
}
