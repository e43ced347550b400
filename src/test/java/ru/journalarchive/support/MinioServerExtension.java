package ru.journalarchive.support;

import io.minio.MinioClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a real MinIO server on 127.0.0.1 for the tests of one class, so S3 code is tested against the thing itself
 * (Object Lock, retention and legal hold are enforced). Register it on a static field:
 *
 * <pre>{@code
 * @RegisterExtension
 * static MinioServerExtension minio = new MinioServerExtension();
 * ... minio.endpoint(), minio.accessKey(), minio.secretKey(), minio.client() (shared, do not close)
 * }</pre>
 *
 * <p>The server binary is {@code target/minio/bin/minio}, put there by the {@code minio-server-for-tests} antrun
 * execution of the build ({@code ./mvnw generate-test-resources}); {@code -Dminio.binary=...} overrides it. The
 * server keeps its data in a fresh temporary directory and writes its log to {@code target/minio-logs/}; both the
 * process and the directory go away after the last test of the class.
 */
public final class MinioServerExtension implements BeforeAllCallback, AfterAllCallback {

    private static final Duration STARTUP = Duration.ofSeconds(60);
    private static final int ATTEMPTS = 3;

    private final String accessKey = "archive-test";
    private final String secretKey = "secret-" + UUID.randomUUID();
    private Process process;
    private Path dataDirectory;
    private Path logFile;
    private int port;
    private Thread shutdownHook;
    private MinioClient client;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        start(context.getRequiredTestClass().getSimpleName());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop();
    }

    /** The S3 endpoint, e.g. {@code http://127.0.0.1:40123}. */
    public String endpoint() {
        requireRunning();
        return "http://127.0.0.1:" + port;
    }

    /** The root user's access key. */
    public String accessKey() {
        return accessKey;
    }

    /** The root user's secret key (random per server). */
    public String secretKey() {
        return secretKey;
    }

    /**
     * A client of the server as its root user, shared by the tests of the class and closed with the server (building
     * one takes up to a second); do not close it.
     */
    public synchronized MinioClient client() {
        if (client == null) {
            client = MinioClient.builder().endpoint(endpoint()).credentials(accessKey, secretKey).build();
        }
        return client;
    }

    /** The server's log file, to read when a test fails strangely. */
    public Path logFile() {
        return logFile;
    }

    private void start(String owner) throws IOException, InterruptedException {
        Path binary = binary();
        Path buildDirectory = buildDirectory();
        Path logs = Files.createDirectories(buildDirectory.resolve("minio-logs"));
        dataDirectory = Files.createTempDirectory("minio-data-");
        for (int attempt = 1; ; attempt++) {
            port = freePort();
            int consolePort = freePort();
            logFile = logs.resolve(owner + "-" + port + ".log");
            ProcessBuilder builder = new ProcessBuilder(binary.toString(), "server", dataDirectory.toString(),
                    "--address", "127.0.0.1:" + port, "--console-address", "127.0.0.1:" + consolePort)
                    .redirectErrorStream(true)
                    .redirectOutput(logFile.toFile());
            builder.environment().put("MINIO_ROOT_USER", accessKey);
            builder.environment().put("MINIO_ROOT_PASSWORD", secretKey);
            builder.environment().put("MINIO_UPDATE", "off");
            builder.environment().put("MINIO_BROWSER", "off");
            process = builder.start();
            shutdownHook = new Thread(process::destroyForcibly, "minio-server-shutdown");
            Runtime.getRuntime().addShutdownHook(shutdownHook);
            if (awaitLive()) {
                return;
            }
            String log = tail(logFile);
            stop();
            if (attempt == ATTEMPTS) {
                throw new IllegalStateException("MinIO server %s did not become live on 127.0.0.1:%d within %s; its log (%s) ends with:%n%s"
                        .formatted(binary, port, STARTUP, logFile, log));
            }
            dataDirectory = Files.createTempDirectory("minio-data-");
        }
    }

    /** Polls the liveness endpoint; false if the process died (e.g. the port was taken meanwhile) or time ran out. */
    private boolean awaitLive() throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest live = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/minio/health/live"))
                .timeout(Duration.ofSeconds(2)).GET().build();
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            try {
                if (http.send(live, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return true;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        return false;
    }

    private synchronized void stop() {
        if (client != null) {
            try {
                client.close();
            } catch (Exception e) {
                // closing a client of a server about to stop
            }
            client = null;
        }
        if (process != null) {
            process.destroy();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException e) {
                // the JVM is already shutting down
            }
            process = null;
        }
        if (dataDirectory != null) {
            deleteRecursively(dataDirectory);
            dataDirectory = null;
        }
    }

    private void requireRunning() {
        if (process == null || !process.isAlive()) {
            throw new IllegalStateException("The MinIO server is not running: register MinioServerExtension on a "
                    + "static field with @RegisterExtension and use it from tests (log: " + logFile + ")");
        }
    }

    private static Path binary() {
        String configured = System.getProperty("minio.binary");
        Path binary = configured != null ? Path.of(configured) : buildDirectory().resolve("minio/bin/minio");
        if (!Files.isExecutable(binary)) {
            throw new IllegalStateException("No MinIO server binary at " + binary.toAbsolutePath()
                    + "; run ./mvnw generate-test-resources once (it fetches it through npm), or set -Dminio.binary");
        }
        return binary;
    }

    private static Path buildDirectory() {
        return Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize().resolve("target");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static String tail(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join(System.lineSeparator(), lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    private static void deleteRecursively(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort: a temporary directory
        }
    }
}
