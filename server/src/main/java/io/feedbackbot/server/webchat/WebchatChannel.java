package io.feedbackbot.server.webchat;

import io.feedbackbot.config.WebchatAccount;
import io.feedbackbot.core.outbound.Mailbox;
import io.feedbackbot.core.outbound.OutboundSender;
import io.feedbackbot.dialogs.intent.IntentLexicon;
import io.feedbackbot.dialogs.survey.AccountProfile;
import io.feedbackbot.server.channel.Channel;
import io.feedbackbot.server.channel.ChannelRuntime;
import io.feedbackbot.server.http.Router;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;

/**
 * The web chat channel: its customers read later messages from a mailbox kept with the conversation, so it has no
 * provider sender; its routes take messages in and serve the mailbox, live.
 */
public final class WebchatChannel implements Channel {

    private final List<WebchatAccount> accounts;
    private final Duration quietPeriod;
    private final Mailbox mailbox;
    private final MailboxEvents events;

    public WebchatChannel(List<WebchatAccount> accounts, Duration quietPeriod, Mailbox mailbox, Executor blocking) {
        this.accounts = List.copyOf(accounts);
        this.quietPeriod = quietPeriod;
        this.mailbox = mailbox;
        this.events = new MailboxEvents(mailbox, blocking);
    }

    @Override
    public String name() {
        return "webchat";
    }

    @Override
    public Set<String> accounts() {
        return accounts.stream().map(WebchatAccount::id).collect(Collectors.toSet());
    }

    @Override
    public Map<String, AccountProfile> profiles() {
        Map<String, AccountProfile> out = new LinkedHashMap<>();
        for (WebchatAccount a : accounts) {
            out.put(a.id(), new AccountProfile(a.defaultSurvey(), null, a.defaultLanguage(), IntentLexicon.defaults(),
                    null, quietPeriod));
        }
        return out;
    }

    @Override
    public Optional<OutboundSender> sender() {
        return Optional.empty();
    }

    @Override
    public void register(Router router, ChannelRuntime runtime) {
        new WebchatRoutes(accounts(), runtime.engine(), mailbox, events, runtime.blocking(), runtime.clock())
                .register(router);
    }

    @Override
    public void close() {
        try {
            events.close();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
