package io.feedbackbot.server.handoff.auth;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;

/**
 * The password of the demo console users ({@code demo: true}): {@code FEEDBACKBOT_DEMO_PASSWORD}, else the one kept in
 * {@code <dataDir>/demo-password}, else a new random one written there (owner-only) and reported once.
 *
 * @param generated whether it was created just now (the caller prints it this once)
 * @param file      where it is kept, or null when it came from the environment
 */
public record DemoPassword(String value, boolean generated, Path file) {

    public static final String VARIABLE = "FEEDBACKBOT_DEMO_PASSWORD";
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    public static DemoPassword resolve(String fromEnv, Path dataDir) throws IOException {
        if (fromEnv != null && !fromEnv.isBlank()) {
            return new DemoPassword(fromEnv.trim(), false, null);
        }
        Path file = dataDir.resolve("demo-password");
        if (Files.isRegularFile(file)) {
            String kept = Files.readString(file).trim();
            if (!kept.isEmpty()) {
                return new DemoPassword(kept, false, file);
            }
        }
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 14; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        Files.createDirectories(dataDir);
        Files.writeString(file, password + "\n");
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the file keeps the default permissions
        }
        return new DemoPassword(password.toString(), true, file);
    }

    @Override
    public String toString() {
        return "DemoPassword[" + (file == null ? "from " + VARIABLE : String.valueOf(file)) + "]";
    }
}
