package io.feedbackbot.wechat.xml;

/**
 * A body that is not a well-formed, DTD-free WeChat XML document (or lacks a field the message type requires).
 * The webhook answers 400. The message is one line for logs and never contains entity or file content.
 */
public final class MalformedXmlException extends Exception {

    public MalformedXmlException(String message) {
        super(message);
    }
}
