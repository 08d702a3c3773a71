package io.feedbackbot.bench.jmh;

import io.feedbackbot.bench.setup.BenchAccounts;
import io.feedbackbot.wechat.crypto.EncodingAesKey;
import io.feedbackbot.wechat.sim.SimulatedPush;
import io.feedbackbot.wechat.sim.SimulatorMode;
import io.feedbackbot.wechat.sim.SimulatorSettings;
import io.feedbackbot.wechat.sim.WeChatSimulator;
import io.feedbackbot.wechat.webhook.InboundDecoding;
import io.feedbackbot.wechat.webhook.WeChatWebhook;
import io.feedbackbot.wechat.webhook.WebhookKeys;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The WeChat protocol work of one safe-mode message, without I/O: {@code decode} checks the URL signature and
 * msg_signature, decrypts and parses the push (what the event loop does); {@code reply} writes the encrypted,
 * signed passive reply (what the reply step does).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class WechatCodecBenchmark {

    private WeChatWebhook webhook;
    private Map<String, String> query;
    private byte[] body;
    private InboundDecoding.Accepted accepted;
    private Instant now;

    @Setup
    public void build() {
        EncodingAesKey key = EncodingAesKey.parse(BenchAccounts.WECHAT_AES_KEY);
        webhook = new WeChatWebhook(WebhookKeys.safe(BenchAccounts.WECHAT_APP_ID, BenchAccounts.WECHAT_TOKEN, key));
        WeChatSimulator follower = new WeChatSimulator(new OkHttpClient(), new SimulatorSettings(
                HttpUrl.get("http://127.0.0.1/webhooks/wechat/bench"), BenchAccounts.WECHAT_TOKEN, Optional.of(key),
                BenchAccounts.WECHAT_APP_ID, BenchAccounts.WECHAT_ORIGINAL_ID, "o0000000000000000000000bench",
                SimulatorMode.SAFE), Clock.systemUTC());
        now = Instant.now();
        SimulatedPush push = follower.text("你好，我想评价一下这次配送", 1234567890123456L, now, "123456789");
        query = new HashMap<>();
        for (String name : push.url().queryParameterNames()) {
            query.put(name, push.url().queryParameter(name));
        }
        body = push.body().getBytes(StandardCharsets.UTF_8);
        accepted = (InboundDecoding.Accepted) webhook.decode(query, body, now);
    }

    @Benchmark
    public InboundDecoding decode() {
        return webhook.decode(query, body, now);
    }

    @Benchmark
    public String reply() {
        return webhook.reply(accepted, "您好！感谢您的订单。想请您花 30 秒评价一下这次配送。\n\n您有多大可能把我们推荐给朋友或同事？"
                + "请回复 0 到 10 的数字（0 = 完全不可能，10 = 非常可能）。", now);
    }
}
