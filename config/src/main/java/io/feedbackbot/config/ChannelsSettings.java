package io.feedbackbot.config;

import java.util.List;
import java.util.Optional;

/** The configured accounts of every channel ({@code channels:} in feedbackbot.yaml). */
public record ChannelsSettings(List<WebchatAccount> webchat, List<WechatAccount> wechat, List<SmsAccount> sms) {

    public ChannelsSettings {
        webchat = List.copyOf(webchat);
        wechat = List.copyOf(wechat);
        sms = List.copyOf(sms);
    }

    public Optional<WebchatAccount> webchatAccount(String id) {
        return webchat.stream().filter(a -> a.id().equals(id)).findFirst();
    }

    public Optional<WechatAccount> wechatAccount(String id) {
        return wechat.stream().filter(a -> a.id().equals(id)).findFirst();
    }

    public Optional<SmsAccount> smsAccount(String id) {
        return sms.stream().filter(a -> a.id().equals(id)).findFirst();
    }
}
