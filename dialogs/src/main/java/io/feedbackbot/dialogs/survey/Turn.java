package io.feedbackbot.dialogs.survey;

import io.feedbackbot.core.conversation.ConversationState;
import io.feedbackbot.core.dialog.Action;
import io.feedbackbot.core.dialog.Transition;
import io.feedbackbot.core.outbound.Delivery;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * One transition being assembled: the state as it changes, the actions, and what the bot says. Everything said
 * in one turn goes out as a single message (paragraphs), because some channels allow one reply per message.
 */
final class Turn {

    ConversationState state;
    /** Whether this turn already told the customer a person will follow up. */
    boolean followUpPromised;
    /** Why what is said is sent, when it is not an inline reply (an invitation, a reminder, an agent's words). */
    Delivery.Purpose purpose = Delivery.Purpose.CONVERSATION;
    private final List<Action> actions = new ArrayList<>();
    private final StringJoiner said = new StringJoiner("\n\n");

    Turn(ConversationState state) {
        this.state = state;
    }

    void say(String text) {
        said.add(text);
    }

    void act(Action action) {
        actions.add(action);
    }

    Transition done() {
        List<Action> all = new ArrayList<>(actions);
        if (said.length() > 0) {
            all.add(new Action.SendReply(said.toString(), purpose));
        }
        return new Transition(state, all);
    }
}
