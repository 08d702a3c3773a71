package io.feedbackbot.server.channel;

import io.feedbackbot.core.message.InboundMessage;
import io.feedbackbot.core.outbound.OutboundSender;
import io.feedbackbot.dialogs.survey.AccountProfile;
import io.feedbackbot.server.http.Router;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One messaging channel (web chat, WeChat, SMS) as the server plugs it in: its accounts and how the bot behaves
 * on each, how it sends messages outside a webhook response, and its webhook routes. Built in two steps because
 * the engine needs the senders and the routes need the engine.
 */
public interface Channel extends AutoCloseable {

    /** The channel's name in conversation keys and URLs ({@code webchat}, {@code wechat}, {@code sms}). */
    String name();

    /** The configured account ids. */
    Set<String> accounts();

    /** The bot's behaviour per account id. */
    Map<String, AccountProfile> profiles();

    /** How messages are sent outside a webhook's response; empty for mailbox channels. */
    Optional<OutboundSender> sender();

    /**
     * The customer id that {@code raw} (as an API caller or an import wrote it) stands for on {@code account}, as
     * conversation keys hold it: an SMS number in E.164, for example. The default keeps {@code raw}.
     *
     * @throws IllegalArgumentException with a message for the caller when {@code raw} cannot be a customer here
     */
    default String customerId(String account, String raw) {
        return raw;
    }

    /** Adds the channel's webhook routes, now that the engine exists. */
    void register(Router router, ChannelRuntime runtime);

    /**
     * Sends {@code replies} to a message whose webhook was already answered (through the provider's API), at most
     * once per message id however often it is called. Used when a node picks up a message another node parked.
     */
    default void replyLate(InboundMessage message, List<String> replies) {
    }

    @Override
    default void close() {
    }
}
