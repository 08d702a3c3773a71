package io.feedbackbot.core.engine;

import java.util.List;

/**
 * What handling one customer message produced: the replies for the webhook's own response.
 *
 * @param replies   reply texts in order (empty when the bot stays silent)
 * @param duplicate true when the message id was handled before: the replies are the ones given then, and
 *                  nothing changed now
 */
public record HandleResult(List<String> replies, boolean duplicate) {

    public HandleResult {
        replies = List.copyOf(replies);
    }
}
