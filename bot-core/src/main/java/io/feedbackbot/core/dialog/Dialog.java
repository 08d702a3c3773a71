package io.feedbackbot.core.dialog;

import io.feedbackbot.core.conversation.ConversationState;

/**
 * The behaviour of the bot as a pure function: given a conversation's state and one input, the next state and
 * the actions to carry out. Implementations do no I/O and read no clock or randomness: time, language and the
 * complaint assessment come in with the input, and the engine executes the actions. The same state and input
 * always give the same transition, so a dialog is tested as a table.
 */
@FunctionalInterface
public interface Dialog {

    Transition next(ConversationState state, DialogInput input);
}
