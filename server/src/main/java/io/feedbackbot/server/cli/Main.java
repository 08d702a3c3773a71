package io.feedbackbot.server.cli;

import io.feedbackbot.server.campaign.cli.CampaignCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code feedbackbot} command: {@code serve}, {@code chat}, and the tools of each feature. */
@Command(name = "feedbackbot", mixinStandardHelpOptions = true, version = "feedbackbot 0.1.0",
        description = "Conversational customer feedback over WeChat, SMS and web chat.",
        subcommands = {ServeCommand.class, ChatCommand.class, SmsSimCommand.class, WechatSimCommand.class,
                ComplaintsCommand.class, CampaignCommand.class})
public final class Main {

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("feedbackbot: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            return 1;
        });
        return cli;
    }
}
