package io.feedbackbot.sms.form;

import java.util.Objects;

/**
 * One decoded {@code name=value} pair of an {@code application/x-www-form-urlencoded} body. Never null: a pair
 * written without {@code =} has an empty value.
 */
public record FormParam(String name, String value) {

    public FormParam {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }
}
