package io.feedbackbot.server.api;

import java.util.List;

/**
 * Writes CSV that Excel opens correctly: a UTF-8 byte-order mark first, RFC 4180 quoting, CRLF line ends.
 * Text that Excel would run as a formula (starting with =, +, -, @, tab or CR) is prefixed with an apostrophe,
 * because customer text is data and must never be interpreted; a plain number such as {@code -12.5} (an NPS
 * below zero) stays a number.
 */
public final class CsvWriter {

    /** The UTF-8 byte-order mark that tells Excel the file is UTF-8. */
    public static final String BOM = "\uFEFF";
    private static final java.util.regex.Pattern PLAIN_NUMBER = java.util.regex.Pattern.compile("-?\\d{1,15}(\\.\\d{1,6})?");

    private CsvWriter() {
    }

    /** One record: each field quoted if needed, joined with commas, ended with CRLF. */
    public static String row(List<String> fields) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(field(fields.get(i)));
        }
        return out.append("\r\n").toString();
    }

    static String field(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String safe = value;
        char first = safe.charAt(0);
        if ((first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r')
                && !PLAIN_NUMBER.matcher(safe).matches()) {
            safe = "'" + safe;
        }
        boolean quote = safe.indexOf(',') >= 0 || safe.indexOf('"') >= 0 || safe.indexOf('\n') >= 0
                || safe.indexOf('\r') >= 0 || !safe.equals(safe.strip());
        return quote ? '"' + safe.replace("\"", "\"\"") + '"' : safe;
    }
}
