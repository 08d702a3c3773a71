package io.feedbackbot.dialogs.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.feedbackbot.core.conversation.ConversationState;
import io.feedbackbot.core.dialog.Action;
import io.feedbackbot.core.dialog.Dialog;
import io.feedbackbot.core.dialog.DialogInput;
import io.feedbackbot.core.dialog.Transition;
import java.util.List;
import java.util.function.Consumer;

/**
 * Given a state, when an input arrives, then the transition meets these expectations: the shape of every dialog
 * test. No mocks: a dialog is a pure function.
 */
final class DialogSpec {

    private final Dialog dialog;

    DialogSpec(Dialog dialog) {
        this.dialog = dialog;
    }

    Given given(ConversationState state) {
        return new Given(state);
    }

    final class Given {
        private final ConversationState state;

        Given(ConversationState state) {
            this.state = state;
        }

        Then when(DialogInput input) {
            return new Then(dialog.next(state, input));
        }

        /** Feeds several inputs in turn and returns the last transition. */
        Then whenAll(DialogInput... inputs) {
            ConversationState current = state;
            Transition last = null;
            for (DialogInput input : inputs) {
                last = dialog.next(current, input);
                current = last.state();
            }
            return new Then(last);
        }
    }

    static final class Then {
        final Transition transition;

        Then(Transition transition) {
            this.transition = transition;
        }

        Then then(Consumer<Transition> expectation) {
            expectation.accept(transition);
            return this;
        }

        Then replies(String... texts) {
            assertEquals(List.of(texts), transition.replies());
            return this;
        }

        Then silent() {
            assertEquals(List.of(), transition.replies(), "the bot says nothing");
            return this;
        }

        <A extends Action> List<A> actions(Class<A> type) {
            return transition.actions().stream().filter(type::isInstance).map(type::cast).toList();
        }

        ConversationState state() {
            return transition.state();
        }
    }
}
