package io.feedbackbot.server.campaign.audience;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads CSV records one at a time from a stream (RFC 4180): fields separated by commas, records by CRLF, LF or CR,
 * fields in double quotes may hold commas, line breaks and doubled quotes. Lenient where Excel and people are: a
 * quote inside an unquoted field is kept as text, and blank lines are skipped. Each record knows the physical line
 * it starts on, for error reports.
 *
 * <p>Invariant: memory stays bounded by the longest record; a quoted field longer than {@link #MAX_FIELD}
 * characters (an unterminated quote, most likely) stops the read with an error naming the line it started on.
 */
public final class CsvRecords {

    static final int MAX_FIELD = 64 * 1024;

    private final Reader in;
    private final char[] buffer = new char[64 * 1024];
    private int pos;
    private int limit;
    private long line = 1;
    private long recordLine;
    private final StringBuilder field = new StringBuilder(64);

    public CsvRecords(Reader in) {
        this.in = in;
    }

    /** The line the last record returned by {@link #next()} started on (1-based). */
    public long line() {
        return recordLine;
    }

    /**
     * The next record's fields, or null at the end of the stream.
     *
     * @throws MalformedCsvException when a quoted field never ends
     */
    public List<String> next() throws IOException {
        int c;
        do {
            c = read();
            if (c == '\n' || c == '\r') {
                endOfLine(c);
            }
        } while (c == '\n' || c == '\r');
        if (c < 0) {
            return null;
        }
        recordLine = line;
        List<String> fields = new ArrayList<>(8);
        while (true) {
            field.setLength(0);
            if (c == '"') {
                c = quoted();
            } else {
                while (c >= 0 && c != ',' && c != '\n' && c != '\r') {
                    field.append((char) c);
                    c = read();
                }
            }
            fields.add(field.toString());
            if (c == ',') {
                c = read();
                continue;
            }
            if (c == '\n' || c == '\r') {
                endOfLine(c);
            }
            return fields;
        }
    }

    /** Reads a quoted field (the opening quote was read); returns the character after it. */
    private int quoted() throws IOException {
        long started = line;
        while (true) {
            int c = read();
            if (c < 0) {
                throw new MalformedCsvException(started, "a quoted field that starts on line " + started
                        + " never ends");
            }
            if (c == '"') {
                int after = read();
                if (after != '"') {
                    // Text after the closing quote (a"b"c) is kept, as spreadsheets do.
                    while (after >= 0 && after != ',' && after != '\n' && after != '\r') {
                        field.append((char) after);
                        after = read();
                    }
                    return after;
                }
            } else if (c == '\n') {
                line++;
            } else if (c == '\r') {
                if (peek() != '\n') {
                    line++;
                }
            }
            field.append((char) c);
            if (field.length() > MAX_FIELD) {
                throw new MalformedCsvException(started, "a quoted field that starts on line " + started
                        + " is longer than " + MAX_FIELD + " characters (a quote that never ends?)");
            }
        }
    }

    private void endOfLine(int c) throws IOException {
        if (c == '\r' && peek() == '\n') {
            read();
        }
        line++;
    }

    private int read() throws IOException {
        if (pos == limit && !fill()) {
            return -1;
        }
        return buffer[pos++];
    }

    private int peek() throws IOException {
        if (pos == limit && !fill()) {
            return -1;
        }
        return buffer[pos];
    }

    private boolean fill() throws IOException {
        int n;
        do {
            n = in.read(buffer, 0, buffer.length);
        } while (n == 0);
        if (n < 0) {
            return false;
        }
        pos = 0;
        limit = n;
        return true;
    }

    /** The stream is not CSV from some point on; the message names the line. */
    public static final class MalformedCsvException extends IOException {
        private final long line;

        MalformedCsvException(long line, String message) {
            super(message);
            this.line = line;
        }

        public long line() {
            return line;
        }
    }
}
