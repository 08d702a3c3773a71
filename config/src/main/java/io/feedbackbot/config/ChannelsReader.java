package io.feedbackbot.config;

import io.feedbackbot.config.yaml.YamlSection;
import io.feedbackbot.core.conversation.Language;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads {@code channels.webchat}, {@code channels.wechat} and {@code channels.sms}, checking every key. */
final class ChannelsReader {

    static final List<String> SMS_OPT_OUT = List.of("STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT",
            "OPTOUT", "REVOKE");
    static final List<String> SMS_OPT_IN = List.of("START", "UNSTOP", "YES");
    /** Chinese providers' unsubscribe replies (Aliyun "回T退订", Huawei "拒收请回复R"), added for region CN. */
    static final List<String> SMS_OPT_OUT_CN = List.of("退订", "TD", "T", "R");

    private ChannelsReader() {
    }

    static ChannelsSettings read(YamlSection channels) {
        ChannelsSettings settings = new ChannelsSettings(webchat(channels.section("webchat")),
                wechat(channels.section("wechat")), sms(channels.section("sms")));
        channels.finish();
        return settings;
    }

    private static List<WebchatAccount> webchat(YamlSection section) {
        List<WebchatAccount> accounts = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (YamlSection a : section.sections("accounts")) {
            String id = id(a, ids, "web chat");
            String survey = a.string("defaultSurvey", "");
            Language language = a.parsed("defaultLanguage", Language.ZH_CN, SettingsLoader::language);
            a.finish();
            accounts.add(new WebchatAccount(id, blankToNull(survey), language));
        }
        section.finish();
        return accounts;
    }

    private static List<WechatAccount> wechat(YamlSection section) {
        List<WechatAccount> accounts = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (YamlSection a : section.sections("accounts")) {
            String id = id(a, ids, "WeChat");
            String aesKey = a.string("encodingAesKey", "");
            if (!aesKey.isBlank() && aesKey.length() != 43) {
                throw a.fail("encodingAesKey", "must be the 43-character EncodingAESKey from the WeChat console");
            }
            Duration deadline = a.duration("passiveReplyDeadline", Duration.ofSeconds(4));
            if (deadline.isNegative() || deadline.compareTo(Duration.ofMillis(4_500)) > 0) {
                throw a.fail("passiveReplyDeadline", "must be between 0s and 4500ms (WeChat gives up after 5 s)");
            }
            accounts.add(new WechatAccount(id, a.requiredString("appId"), a.requiredString("appSecret"),
                    a.requiredString("token"), blankToNull(aesKey),
                    url(a, "apiBaseUrl", "https://api.weixin.qq.com"), deadline,
                    blankToNull(a.string("defaultSurvey", "")), blankToNull(a.string("welcomeSurvey", "")),
                    a.parsed("defaultLanguage", Language.ZH_CN, SettingsLoader::language)));
            a.finish();
        }
        section.finish();
        return accounts;
    }

    private static List<SmsAccount> sms(YamlSection section) {
        List<SmsAccount> accounts = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (YamlSection a : section.sections("accounts")) {
            String id = id(a, ids, "SMS");
            String provider = a.string("provider", "twilio");
            if (!provider.equals("twilio")) {
                throw a.fail("provider", "must be twilio (the Twilio-compatible REST API), not '" + provider + "'");
            }
            String from = blankToNull(a.string("from", ""));
            String service = blankToNull(a.string("messagingServiceSid", ""));
            if ((from == null) == (service == null)) {
                throw a.fail("from", "give either from (a number) or messagingServiceSid, exactly one of them");
            }
            Map<String, String> help = new LinkedHashMap<>();
            YamlSection helpSection = a.section("helpText");
            for (Language language : Language.values()) {
                String text = helpSection.string(language.tag(), "");
                if (!text.isBlank()) {
                    help.put(language.tag(), text);
                }
            }
            helpSection.finish();
            Duration deadline = a.duration("replyDeadline", Duration.ofSeconds(10));
            Duration sendTimeout = a.duration("sendTimeout", Duration.ofSeconds(10));
            if (sendTimeout.compareTo(Duration.ofMillis(100)) < 0 || sendTimeout.compareTo(Duration.ofSeconds(60)) > 0) {
                throw a.fail("sendTimeout", "must be between 100ms and 60s");
            }
            if (deadline.isNegative() || deadline.compareTo(Duration.ofSeconds(14)) > 0) {
                throw a.fail("replyDeadline", "must be between 0s and 14s (Twilio waits 15 s for a webhook)");
            }
            String region = a.string("defaultRegion", "CN").toUpperCase(java.util.Locale.ROOT);
            List<String> optOutDefault = region.equals("CN")
                    ? java.util.stream.Stream.concat(SMS_OPT_OUT.stream(), SMS_OPT_OUT_CN.stream()).toList()
                    : SMS_OPT_OUT;
            accounts.add(new SmsAccount(id, provider, a.requiredString("accountSid"), a.requiredString("authToken"),
                    from, service, url(a, "apiBaseUrl", "https://api.twilio.com"), url(a, "publicUrl", null),
                    region, a.strings("optOutKeywords", optOutDefault), a.strings("optInKeywords", SMS_OPT_IN), help,
                    a.integer("maxSegments", 3, 1, 10), deadline, blankToNull(a.string("defaultSurvey", "")),
                    a.parsed("defaultLanguage", Language.ZH_CN, SettingsLoader::language), sendTimeout,
                    a.integer("sendAttempts", 4, 1, 10)));
            a.finish();
        }
        section.finish();
        return accounts;
    }

    private static String id(YamlSection a, Set<String> ids, String channel) {
        String id = a.requiredString("id");
        if (!id.matches("[a-z0-9][a-z0-9_-]{0,63}")) {
            throw a.fail("id", "must be a lower-case identifier (a-z, 0-9, '-', '_'), not '" + id + "'");
        }
        if (!ids.add(id)) {
            throw a.fail("id", "'" + id + "' is used by two " + channel + " accounts");
        }
        return id;
    }

    private static String url(YamlSection a, String key, String fallback) {
        String value = a.string(key, fallback == null ? "" : fallback);
        if (value.isBlank()) {
            if (fallback == null) {
                throw a.fail(key, "is missing");
            }
            return fallback;
        }
        if (!value.matches("https?://.+")) {
            throw a.fail(key, "must be an http:// or https:// URL, not '" + value + "'");
        }
        return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
