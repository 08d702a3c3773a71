package io.feedbackbot.sms.signature;

import io.feedbackbot.sms.form.FormParam;
import io.feedbackbot.sms.form.FormParams;
import io.feedbackbot.sms.form.FormParser;
import io.feedbackbot.sms.form.MalformedFormException;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Computes and checks {@code X-Twilio-Signature}: base64 of HMAC-SHA1, keyed with the account's auth token, over the
 * URL the provider called followed by every parameter as {@code name + value}, sorted by name.
 *
 * <p>Repeated names: twilio-java takes a {@code Map<String, String>} and cannot see them; twilio-python and
 * twilio-node append one {@code name + value} per value with the values of a name sorted, and so do we. The URL is
 * checked with and without its port, like every Twilio helper library, because the provider's signer is not
 * consistent about default ports. Invariants: the token never leaves this object (not even through
 * {@link #toString()}), and signatures are compared in constant time.
 */
public final class TwilioSignature {

    /** The request header that carries the signature. */
    public static final String HEADER = "X-Twilio-Signature";

    private static final String HMAC_SHA1 = "HmacSHA1";
    private static final Comparator<FormParam> CANONICAL_ORDER =
            Comparator.comparing(FormParam::name).thenComparing(FormParam::value);

    private final SecretKeySpec key;

    public TwilioSignature(String authToken) {
        if (authToken == null || authToken.isEmpty()) {
            throw new IllegalArgumentException("the SMS auth token is empty");
        }
        this.key = new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), HMAC_SHA1);
    }

    /** The signature the provider sends for a form request to exactly {@code url} (no port variants). */
    public String sign(String url, FormParams params) {
        StringBuilder data = new StringBuilder(url);
        List<FormParam> sorted = new ArrayList<>(params.asList());
        sorted.sort(CANONICAL_ORDER);
        for (FormParam p : sorted) {
            data.append(p.name()).append(p.value());
        }
        return hmac(data.toString());
    }

    /**
     * True when {@code signature} matches the form parameters for {@code url}, with or without its port
     * ({@code :443}/{@code :80} added when absent, any port removed when present).
     */
    public boolean validate(String url, FormParams params, String signature) {
        if (signature == null || signature.isEmpty()) {
            return false;
        }
        boolean match = false;
        for (String candidate : UrlPorts.variants(url)) {
            match |= constantTimeEquals(sign(candidate, params), signature);
        }
        return match;
    }

    /**
     * Validates a request with a JSON (non-form) body: the URL's query carries {@code bodySHA256}, the signature
     * covers the URL alone, and the hash must match the raw body bytes. False when the URL has no
     * {@code bodySHA256}.
     */
    public boolean validateJson(String url, byte[] body, String signature) {
        Optional<String> expectedHash = bodyHash(url);
        if (expectedHash.isEmpty()) {
            return false;
        }
        boolean bodyMatches = constantTimeEquals(sha256Hex(body), expectedHash.get().toLowerCase(Locale.ROOT));
        boolean urlMatches = validate(url, FormParams.empty(), signature);
        return bodyMatches & urlMatches;
    }

    /** Lowercase hex SHA-256 of a body, the value Twilio puts in {@code bodySHA256}. */
    public static String sha256Hex(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static Optional<String> bodyHash(String url) {
        int q = url.indexOf('?');
        if (q < 0) {
            return Optional.empty();
        }
        int hash = url.indexOf('#', q);
        String query = hash < 0 ? url.substring(q + 1) : url.substring(q + 1, hash);
        try {
            return FormParser.parse(query).first("bodySHA256");
        } catch (MalformedFormException e) {
            return Optional.empty();
        }
    }

    private String hmac(String data) {
        try {
            Mac mac = Mac.getInstance(HMAC_SHA1);
            mac.init(key);
            return Base64.getEncoder().encodeToString(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is missing from this JVM", e);
        }
    }

    private static boolean constantTimeEquals(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "TwilioSignature[token=***]";
    }
}
