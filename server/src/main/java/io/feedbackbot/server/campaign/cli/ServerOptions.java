package io.feedbackbot.server.campaign.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where the running server is and how to authenticate, shared by every campaign command. */
final class ServerOptions {

    @Option(names = "--url", defaultValue = "http://127.0.0.1:8080", description = "the server (default: ${DEFAULT-VALUE})")
    String url;

    @Option(names = "--token", description = "API token (default: FEEDBACKBOT_ADMIN_TOKEN, else DATA_DIR/admin-token)")
    String token;

    @Option(names = "--data-dir", defaultValue = "./data", description = "where the server keeps admin-token (default: ${DEFAULT-VALUE})")
    Path dataDir;

    CampaignApiClient client() {
        return new CampaignApiClient(url, CampaignApiClient.token(token, System.getenv(), dataDir));
    }
}
