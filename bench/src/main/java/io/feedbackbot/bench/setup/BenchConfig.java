package io.feedbackbot.bench.setup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the benchmark server's configuration: the given Redis, one account per channel (the credentials of
 * {@link BenchAccounts}), provider API base URLs on a local stub so that nothing leaves the machine, and the
 * engine's lane count. {@code BenchConfig FILE HTTP_PORT REDIS_URL STUB_URL DATA_DIR SURVEYS_DIR [LANES]}.
 */
public final class BenchConfig {

    private BenchConfig() {
    }

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]);
        int port = Integer.parseInt(args[1]);
        String redis = args[2];
        String stub = args[3];
        String data = args[4];
        String surveys = args[5];
        int lanes = args.length > 6 ? Integer.parseInt(args[6]) : 32;
        Files.writeString(file, yaml(port, redis, stub, data, surveys, lanes));
    }

    static String yaml(int port, String redis, String stub, String data, String surveys, int lanes) {
        String a = BenchAccounts.ACCOUNT;
        return """
                # Written by bench/run.sh (BenchConfig) for one benchmark run; not a production configuration.
                http:
                  host: 127.0.0.1
                  port: %d
                dataDir: %s
                redis:
                  url: "%s"
                engine:
                  lanes: %d
                  deliveryLanes: 8
                surveys:
                  dir: %s
                api:
                  adminToken: bench-admin-token-0123456789
                channels:
                  webchat:
                    accounts:
                      - id: %s
                        defaultSurvey: post-delivery-nps
                        defaultLanguage: zh-CN
                  wechat:
                    accounts:
                      - id: %s
                        appId: %s
                        appSecret: bench-secret
                        token: %s
                        encodingAesKey: %s
                        apiBaseUrl: %s
                        passiveReplyDeadline: 4s
                        defaultSurvey: post-delivery-nps
                        defaultLanguage: zh-CN
                  sms:
                    accounts:
                      - id: %s
                        provider: twilio
                        accountSid: %s
                        authToken: %s
                        from: "%s"
                        apiBaseUrl: %s
                        publicUrl: %s
                        defaultRegion: CN
                        replyDeadline: 10s
                        defaultSurvey: post-delivery-nps
                        defaultLanguage: zh-CN
                """.formatted(port, data, redis, lanes, surveys, a, a, BenchAccounts.WECHAT_APP_ID,
                BenchAccounts.WECHAT_TOKEN, BenchAccounts.WECHAT_AES_KEY, stub, a, BenchAccounts.SMS_ACCOUNT_SID,
                BenchAccounts.SMS_AUTH_TOKEN, BenchAccounts.SMS_FROM, stub, BenchAccounts.smsPublicUrl(port));
    }
}
