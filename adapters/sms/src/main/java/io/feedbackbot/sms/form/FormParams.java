package io.feedbackbot.sms.form;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The parameters of a form body exactly as received: every pair, in arrival order, repeated names kept. Immutable.
 * Signature checks need all of them (Twilio adds parameters without notice), so nothing is dropped here.
 */
public final class FormParams {

    private static final FormParams EMPTY = new FormParams(List.of());

    private final List<FormParam> pairs;

    private FormParams(List<FormParam> pairs) {
        this.pairs = List.copyOf(pairs);
    }

    public static FormParams of(List<FormParam> pairs) {
        return pairs.isEmpty() ? EMPTY : new FormParams(pairs);
    }

    /** Builds parameters from alternating names and values: {@code of("To", "+1...", "Body", "hi")}. */
    public static FormParams of(String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("expected name/value pairs, got an odd number of strings");
        }
        List<FormParam> list = new ArrayList<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            list.add(new FormParam(namesAndValues[i], namesAndValues[i + 1]));
        }
        return of(list);
    }

    public static FormParams empty() {
        return EMPTY;
    }

    /** Every pair in arrival order. */
    public List<FormParam> asList() {
        return pairs;
    }

    /** The first value sent for {@code name}, if any. */
    public Optional<String> first(String name) {
        for (FormParam p : pairs) {
            if (p.name().equals(name)) {
                return Optional.of(p.value());
            }
        }
        return Optional.empty();
    }

    /** Every value sent for {@code name}, in arrival order. */
    public List<String> all(String name) {
        List<String> values = new ArrayList<>();
        for (FormParam p : pairs) {
            if (p.name().equals(name)) {
                values.add(p.value());
            }
        }
        return Collections.unmodifiableList(values);
    }

    /** Distinct names in order of first appearance. */
    public Set<String> names() {
        Set<String> names = new LinkedHashSet<>();
        pairs.forEach(p -> names.add(p.name()));
        return Collections.unmodifiableSet(names);
    }

    public boolean isEmpty() {
        return pairs.isEmpty();
    }

    /** A copy with one more pair at the end. */
    public FormParams with(String name, String value) {
        List<FormParam> list = new ArrayList<>(pairs);
        list.add(new FormParam(name, value));
        return of(list);
    }

    /**
     * Encodes the pairs as a form body (UTF-8, space as {@code +}), in order. {@link FormParser#parse} of the result
     * gives back equal parameters.
     */
    public String encode() {
        return pairs.stream()
                .map(p -> enc(p.name()) + "=" + enc(p.value()))
                .collect(Collectors.joining("&"));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FormParams other && pairs.equals(other.pairs);
    }

    @Override
    public int hashCode() {
        return pairs.hashCode();
    }

    /** Names only: values can hold phone numbers and customer text, which stay out of logs. */
    @Override
    public String toString() {
        return "FormParams" + pairs.stream().map(FormParam::name).toList();
    }
}
