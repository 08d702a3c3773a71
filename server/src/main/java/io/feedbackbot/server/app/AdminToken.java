package io.feedbackbot.server.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The API's admin bearer token: from the configuration (or {@code FEEDBACKBOT_ADMIN_TOKEN}), else the one kept in
 * {@code <dataDir>/admin-token}, else a new random one written there (owner-only) and reported once.
 *
 * @param value     the token
 * @param generated whether it was created just now (the caller prints it this once)
 * @param file      where it is kept, or null when it came from the configuration
 */
public record AdminToken(String value, boolean generated, Path file) {

    public static AdminToken resolve(String configured, Path dataDir) throws IOException {
        if (configured != null && !configured.isBlank()) {
            return new AdminToken(configured, false, null);
        }
        Path file = dataDir.resolve("admin-token");
        if (Files.isRegularFile(file)) {
            String kept = Files.readString(file).trim();
            if (!kept.isEmpty()) {
                return new AdminToken(kept, false, file);
            }
        }
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Files.createDirectories(dataDir);
        Files.writeString(file, token + "\n");
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the file keeps the default permissions
        }
        return new AdminToken(token, true, file);
    }
}
