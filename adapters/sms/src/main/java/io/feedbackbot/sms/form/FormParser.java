package io.feedbackbot.sms.form;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Strict {@code application/x-www-form-urlencoded} parser: UTF-8, {@code +} is a space, repeated names kept in
 * order, empty {@code &&} segments skipped. A {@code %} not followed by two hex digits, or bytes that are not valid
 * UTF-8 once decoded, are an error, never a silent replacement: the signature is computed over what the provider
 * meant, so guessing could only turn a bad request into a confusing 403.
 */
public final class FormParser {

    private FormParser() {
    }

    public static FormParams parse(String body) throws MalformedFormException {
        return parse(body.getBytes(StandardCharsets.UTF_8));
    }

    public static FormParams parse(byte[] body) throws MalformedFormException {
        List<FormParam> pairs = new ArrayList<>();
        int start = 0;
        while (start <= body.length) {
            int end = indexOf(body, (byte) '&', start);
            if (end > start) {
                pairs.add(pair(body, start, end));
            }
            start = end + 1;
        }
        return FormParams.of(pairs);
    }

    private static FormParam pair(byte[] body, int start, int end) throws MalformedFormException {
        int eq = indexOf(body, (byte) '=', start);
        if (eq >= end) {
            return new FormParam(decode(body, start, end), "");
        }
        return new FormParam(decode(body, start, eq), decode(body, eq + 1, end));
    }

    private static String decode(byte[] body, int start, int end) throws MalformedFormException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(end - start);
        for (int i = start; i < end; i++) {
            byte b = body[i];
            if (b == '+') {
                out.write(' ');
            } else if (b == '%') {
                int hi = i + 1 < end ? Character.digit(body[i + 1], 16) : -1;
                int lo = i + 2 < end ? Character.digit(body[i + 2], 16) : -1;
                if (hi < 0 || lo < 0) {
                    throw new MalformedFormException("malformed percent-escape at byte " + i);
                }
                out.write(hi << 4 | lo);
                i += 2;
            } else {
                out.write(b);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(out.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new MalformedFormException("invalid UTF-8 in the form field starting at byte " + start);
        }
    }

    private static int indexOf(byte[] body, byte b, int from) {
        for (int i = from; i < body.length; i++) {
            if (body[i] == b) {
                return i;
            }
        }
        return body.length;
    }
}
