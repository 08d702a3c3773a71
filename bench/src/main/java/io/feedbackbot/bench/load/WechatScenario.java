package io.feedbackbot.bench.load;

import io.feedbackbot.bench.setup.BenchAccounts;
import io.feedbackbot.wechat.crypto.EncodingAesKey;
import io.feedbackbot.wechat.reply.EncryptedReply;
import io.feedbackbot.wechat.sim.SimulatedPush;
import io.feedbackbot.wechat.sim.SimulatorMode;
import io.feedbackbot.wechat.sim.SimulatorReply;
import io.feedbackbot.wechat.sim.SimulatorSettings;
import io.feedbackbot.wechat.sim.WeChatSimulator;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * WeChat safe-mode pushes from many followers, built by the adapter's own {@link WeChatSimulator} (URL signature,
 * timestamp, nonce, msg_signature, AES-encrypted XML, a unique MsgId each). Every answer must be a signed,
 * encrypted passive reply; every {@code sampleEvery}-th is decrypted and checked as WeChat would (msg_signature,
 * appid, addressing) and must be the survey's next question.
 */
public final class WechatScenario implements Scenario {

    private static final OkHttpClient UNUSED = new OkHttpClient();
    private static final byte[] ENCRYPT = "<Encrypt>".getBytes(StandardCharsets.US_ASCII);

    private final String host;
    private final String run;
    private final long runBits;
    private final int sampleEvery;
    private final HttpUrl webhook;
    private final Optional<EncodingAesKey> key = Optional.of(EncodingAesKey.parse(BenchAccounts.WECHAT_AES_KEY));
    private final Instant createdAt = Instant.now();
    private int checked;

    /** @param run a tag that keeps this run's OpenIDs and MsgIds apart from other runs against the same Redis */
    public WechatScenario(String host, String run, int sampleEvery) {
        this.host = host;
        this.run = run;
        this.runBits = (run.hashCode() & 0xffffL) << 40;
        this.sampleEvery = sampleEvery;
        this.webhook = HttpUrl.get("http://" + host + "/webhooks/wechat/" + BenchAccounts.ACCOUNT);
    }

    /** A 28-character OpenID like WeChat's, unique per run and customer. */
    static String openId(String run, int customer) {
        String number = Integer.toString(customer, 36);
        return "o" + run + "_" + "0".repeat(Math.max(0, 26 - run.length() - number.length())) + number;
    }

    private WeChatSimulator follower(int customer) {
        return new WeChatSimulator(UNUSED, new SimulatorSettings(webhook, BenchAccounts.WECHAT_TOKEN, key,
                BenchAccounts.WECHAT_APP_ID, BenchAccounts.WECHAT_ORIGINAL_ID, openId(run, customer),
                SimulatorMode.SAFE), Clock.systemUTC());
    }

    @Override
    public String name() {
        return "wechat";
    }

    @Override
    public RawRequest build(int customer, int step) {
        long msgId = runBits | ((long) customer << 2) | step;
        SimulatedPush push = follower(customer).text(Turns.text(customer, step), msgId, createdAt,
                EncryptedReply.newNonce());
        return RawRequest.post(host, push.url().encodedPath() + "?" + push.url().encodedQuery(),
                "text/xml; charset=utf-8", Map.of(), push.body().getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String check(int customer, int step, byte[] body) {
        if (!contains(body, ENCRYPT)) {
            return "not an encrypted reply";
        }
        if (checked++ % sampleEvery != 0) {
            return null;
        }
        SimulatorReply reply = follower(customer).readReply(new String(body, StandardCharsets.UTF_8));
        if (!(reply instanceof SimulatorReply.Text text)) {
            return "reply WeChat would refuse: " + reply;
        }
        return text.content().contains(Turns.expected(customer, step)) ? null : "wrong question (decrypted)";
    }

    static boolean contains(byte[] body, byte[] part) {
        outer:
        for (int i = 0; i <= body.length - part.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (body[i + j] != part[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
