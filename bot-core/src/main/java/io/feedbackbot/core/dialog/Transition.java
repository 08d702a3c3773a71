package io.feedbackbot.core.dialog;

import io.feedbackbot.core.conversation.ConversationState;
import java.util.List;
import java.util.Objects;

/** What a dialog decided: the conversation's next state and the actions to carry out, in order. */
public record Transition(ConversationState state, List<Action> actions) {

    public Transition {
        Objects.requireNonNull(state, "state");
        actions = List.copyOf(actions);
    }

    public static Transition of(ConversationState state, Action... actions) {
        return new Transition(state, List.of(actions));
    }

    /** The texts of the {@link Action.SendReply} actions, in order. */
    public List<String> replies() {
        return actions.stream().filter(Action.SendReply.class::isInstance)
                .map(a -> ((Action.SendReply) a).text()).toList();
    }
}
