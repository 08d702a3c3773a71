package io.feedbackbot.redis.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real redis-server run as a child process: the binary shipped in the {@code embedded-redis} jar, extracted
 * into the data directory. With persistence, Redis keeps an append-only file in {@code <dir>} so acknowledged
 * writes survive a restart: fsync on every write ({@link Persistence#ALWAYS}, nothing acknowledged is lost even
 * if the machine dies) or once a second ({@link Persistence#EVERY_SECOND}, faster, up to a second at risk). A server left running by a killed parent (found by
 * its pid file) is shut down cleanly first, so two never share one append-only file.
 */
public final class EmbeddedRedis implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedRedis.class);

    /** How the embedded Redis keeps data. */
    public enum Persistence {
        /** In memory only (tests). */
        NONE,
        /** Append-only file, fsync once a second. */
        EVERY_SECOND,
        /** Append-only file, fsync before every reply. */
        ALWAYS
    }

    private final Process process;
    private final int port;

    private EmbeddedRedis(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * Starts Redis on 127.0.0.1.
     *
     * @param dir     working directory (binary, pid file, log, append-only file)
     * @param port    the port, or 0 for a free one
     * @param persistence whether and how to keep an append-only file
     */
    public static EmbeddedRedis start(Path dir, int port, Persistence persistence) {
        try {
            Files.createDirectories(dir);
            Path binary = extractBinary(dir);
            Path pidFile = dir.resolve("redis.pid");
            stopLeftover(pidFile, dir.resolve("redis.port"));
            int chosen = port == 0 ? freePort() : port;
            List<String> command = new ArrayList<>(List.of(binary.toString(),
                    "--port", Integer.toString(chosen), "--bind", "127.0.0.1", "--protected-mode", "yes",
                    "--dir", dir.toAbsolutePath().toString(), "--pidfile", pidFile.toAbsolutePath().toString(),
                    "--logfile", dir.resolve("redis.log").toAbsolutePath().toString(), "--daemonize", "no",
                    "--save", "", "--appendonly", persistence == Persistence.NONE ? "no" : "yes",
                    "--appendfsync", persistence == Persistence.ALWAYS ? "always" : "everysec",
                    "--maxclients", "10000"));
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            waitUntilReady(process, chosen, dir.resolve("redis.log"));
            Files.writeString(dir.resolve("redis.port"), Integer.toString(chosen));
            log.info("embedded Redis ({}) on 127.0.0.1:{} in {}", persistence == Persistence.NONE ? "in memory"
                    : "append-only file, fsync " + (persistence == Persistence.ALWAYS ? "always" : "every second"),
                    chosen, dir.toAbsolutePath().normalize());
            return new EmbeddedRedis(process, chosen);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the embedded Redis in " + dir + ": " + e.getMessage(), e);
        }
    }

    public int port() {
        return port;
    }

    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    /** Asks Redis to shut down (flushing its append-only file), then waits for it. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        sendShutdown(port);
        try {
            if (!process.waitFor(java.util.concurrent.TimeUnit.SECONDS.toMillis(10), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private static Path extractBinary(Path dir) throws IOException {
        String resource = binaryResource();
        Path target = dir.resolve(resource);
        if (!Files.isExecutable(target)) {
            try (InputStream in = EmbeddedRedis.class.getResourceAsStream("/" + resource)) {
                if (in == null) {
                    throw new IOException("no bundled Redis for this platform (" + resource + "); set redis.url");
                }
                Path partial = dir.resolve(resource + ".part");
                Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
                partial.toFile().setExecutable(true);
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
        }
        return target;
    }

    private static String binaryResource() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        boolean arm = arch.contains("aarch64") || arch.contains("arm64");
        if (os.contains("mac")) {
            return arm ? "redis-server-6.2.6-v5-darwin-arm64" : "redis-server-6.2.6-v5-darwin-amd64";
        }
        return arm ? "redis-server-6.2.7-linux-arm64" : "redis-server-6.2.6-v5-linux-amd64";
    }

    /** Shuts down a Redis that an earlier, killed run left behind. */
    private static void stopLeftover(Path pidFile, Path portFile) throws IOException {
        if (!Files.exists(pidFile)) {
            return;
        }
        Optional<ProcessHandle> leftover = readLong(pidFile).flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive);
        if (leftover.isPresent() && leftover.get().info().command().orElse("").contains("redis-server")) {
            readLong(portFile).ifPresent(p -> sendShutdown(p.intValue()));
            try {
                leftover.get().onExit().get(10, java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception e) {
                leftover.get().destroyForcibly();
            }
            log.info("stopped an embedded Redis left running by an earlier run (pid {})", leftover.get().pid());
        }
        Files.deleteIfExists(pidFile);
    }

    private static Optional<Long> readLong(Path file) {
        try {
            return Optional.of(Long.parseLong(Files.readString(file).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static void waitUntilReady(Process process, int port, Path logFile) throws IOException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                String tail = Files.exists(logFile) ? String.join("\n",
                        Files.readAllLines(logFile).stream().skip(Math.max(0, Files.readAllLines(logFile).size() - 5)).toList()) : "";
                throw new IOException("redis-server exited with " + process.exitValue() + ": " + tail);
            }
            if (ping(port)) {
                return;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for Redis");
            }
        }
        process.destroyForcibly();
        throw new IOException("redis-server did not answer within 20 s");
    }

    private static boolean ping(int port) {
        return roundTrip(port, "PING\r\n").startsWith("+PONG");
    }

    private static void sendShutdown(int port) {
        roundTrip(port, "SHUTDOWN\r\n");
    }

    private static String roundTrip(int port, String command) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            socket.setSoTimeout(2_000);
            socket.getOutputStream().write(command.getBytes(StandardCharsets.US_ASCII));
            byte[] buffer = new byte[64];
            int n = socket.getInputStream().read(buffer);
            return n <= 0 ? "" : new String(buffer, 0, n, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            return "";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
