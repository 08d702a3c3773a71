package io.feedbackbot.server.handoff.auth;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Checks a password against a stored hash: bcrypt ({@code $2a$}, {@code $2b$}, {@code $2y$}) or argon2 in its PHC
 * string form ({@code $argon2id$v=19$m=65536,t=3,p=4$salt$hash}). Slow by design: call it off the event loop.
 */
public final class PasswordHashes {

    private PasswordHashes() {
    }

    public static boolean matches(String hash, char[] password) {
        if (hash.startsWith("$2")) {
            return BCrypt.verifyer().verify(password, hash.toCharArray()).verified;
        }
        if (hash.startsWith("$argon2")) {
            return argon2(hash, password);
        }
        return false;
    }

    /** A bcrypt hash of {@code password} (for the demo users). */
    public static String bcrypt(char[] password) {
        return BCrypt.withDefaults().hashToString(10, password);
    }

    private static boolean argon2(String phc, char[] password) {
        String[] parts = phc.split("\\$");
        if (parts.length != 6) {
            return false;
        }
        int type = switch (parts[1]) {
            case "argon2id" -> Argon2Parameters.ARGON2_id;
            case "argon2i" -> Argon2Parameters.ARGON2_i;
            case "argon2d" -> Argon2Parameters.ARGON2_d;
            default -> -1;
        };
        if (type < 0 || !parts[2].startsWith("v=")) {
            return false;
        }
        try {
            Map<String, Integer> params = new HashMap<>();
            for (String p : parts[3].split(",")) {
                String[] kv = p.split("=", 2);
                params.put(kv[0], Integer.parseInt(kv[1]));
            }
            byte[] salt = Base64.getDecoder().decode(pad(parts[4]));
            byte[] expected = Base64.getDecoder().decode(pad(parts[5]));
            Argon2Parameters parameters = new Argon2Parameters.Builder(type)
                    .withVersion(Integer.parseInt(parts[2].substring(2)))
                    .withMemoryAsKB(params.get("m")).withIterations(params.get("t"))
                    .withParallelism(params.get("p")).withSalt(salt).build();
            Argon2BytesGenerator generator = new Argon2BytesGenerator();
            generator.init(parameters);
            byte[] actual = new byte[expected.length];
            generator.generateBytes(new String(password).getBytes(StandardCharsets.UTF_8), actual);
            return MessageDigest.isEqual(expected, actual);
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static String pad(String base64) {
        return base64 + "=".repeat((4 - base64.length() % 4) % 4);
    }
}
