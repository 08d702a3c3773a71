package io.feedbackbot.config.yaml;

import io.feedbackbot.config.ConfigException;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * A folder of default files shipped on the classpath, read the same way from the build's classes folder and from
 * inside the jar.
 */
public final class BundledDirectory {

    private BundledDirectory() {
    }

    /**
     * Loads the classpath folder {@code resource} with {@code loader} (given the folder and {@code name} for
     * errors); empty when the build has no such folder.
     */
    public static <T> Optional<T> load(String resource, String name, BiFunction<Path, String, T> loader) {
        URL url = BundledDirectory.class.getResource(resource);
        if (url == null) {
            return Optional.empty();
        }
        try {
            URI uri = url.toURI();
            if (uri.getScheme().equals("jar")) {
                try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
                    return Optional.of(loader.apply(jar.getPath(resource), name));
                }
            }
            return Optional.of(loader.apply(Path.of(uri), name));
        } catch (IOException | URISyntaxException e) {
            throw new ConfigException(name + ": " + e.getMessage(), e);
        }
    }
}
