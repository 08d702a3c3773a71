package io.feedbackbot.opennlp.training;

/** A training or evaluation file has a row that cannot be read; the message names the file and the line. */
public final class MalformedTsvException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final int line;

    public MalformedTsvException(String source, int line, String reason) {
        super(source + ":" + line + ": " + reason);
        this.source = source;
        this.line = line;
    }

    public String source() {
        return source;
    }

    public int line() {
        return line;
    }
}
