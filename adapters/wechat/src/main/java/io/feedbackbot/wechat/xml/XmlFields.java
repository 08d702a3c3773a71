package io.feedbackbot.wechat.xml;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The direct children of a WeChat {@code <xml>} root, by element name, with their text (CDATA included). WeChat
 * documents are flat, so this is the whole content that matters; the first of repeated elements wins.
 */
public record XmlFields(Map<String, String> values) {

    public XmlFields {
        values = Map.copyOf(values);
    }

    /** The text of a child element, empty when absent. */
    public Optional<String> get(String name) {
        return Optional.ofNullable(values.get(name));
    }

    /** The text of a child element, empty when absent or blank. */
    public Optional<String> nonBlank(String name) {
        return get(name).filter(v -> !v.isBlank());
    }

    /** The text of the first present element among {@code names} (for fields WeChat spells two ways). */
    public Optional<String> firstOf(String... names) {
        for (String name : names) {
            Optional<String> value = nonBlank(name);
            if (value.isPresent()) {
                return value;
            }
        }
        return Optional.empty();
    }

    /** A required child element's text. */
    public String require(String name) throws MalformedXmlException {
        Optional<String> value = nonBlank(name);
        if (value.isEmpty()) {
            throw new MalformedXmlException("missing <" + name + ">");
        }
        return value.get();
    }

    /** A required child element holding a decimal integer. */
    public long requireLong(String name) throws MalformedXmlException {
        return parseLong(name, require(name));
    }

    /** An optional child element holding a decimal integer; present but not a number is malformed. */
    public OptionalLong optionalLong(String... names) throws MalformedXmlException {
        for (String name : names) {
            Optional<String> value = nonBlank(name);
            if (value.isPresent()) {
                return OptionalLong.of(parseLong(name, value.get()));
            }
        }
        return OptionalLong.empty();
    }

    /**
     * An identifier made of 1 to 20 decimal digits (WeChat's MsgId is an unsigned 64-bit integer, which a Java
     * long cannot always hold), from the first present element among {@code names}.
     */
    public Optional<String> optionalDigits(String... names) throws MalformedXmlException {
        for (String name : names) {
            Optional<String> value = nonBlank(name).map(String::trim);
            if (value.isPresent()) {
                if (!isDecimalId(value.get())) {
                    throw new MalformedXmlException("<" + name + "> is not a decimal id");
                }
                return value;
            }
        }
        return Optional.empty();
    }

    private static boolean isDecimalId(String text) {
        if (text.isEmpty() || text.length() > 20) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static long parseLong(String name, String text) throws MalformedXmlException {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new MalformedXmlException("<" + name + "> is not an integer");
        }
    }
}
