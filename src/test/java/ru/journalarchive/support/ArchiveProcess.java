package ru.journalarchive.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The executable jar run as a separate process on its own data directory, as an operator would run it, and the means
 * to pull the plug on it (SIGKILL of the archive and of its embedded database).
 */
public final class ArchiveProcess {

    private final Path data;

    public ArchiveProcess(Path data) {
        this.data = data;
    }

    /** The exit code and everything the process printed. */
    public record Run(int exit, String output) {
    }

    /** Runs a command to its end. */
    public Run run(String... args) throws Exception {
        Process process = start(args);
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        return new Run(process.exitValue(), output);
    }

    /**
     * Starts a command, reads its output until a line starts with {@code prefix}, then kills the archive and its
     * database with SIGKILL (a power cut). Returns the lines read.
     */
    public List<String> killWhenALineStartsWith(String prefix, String... args) throws Exception {
        Process process = start(args);
        List<String> seen = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                seen.add(line);
                if (line.startsWith(prefix)) {
                    break;
                }
            }
        }
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS); // SIGKILL: no shutdown hooks run
        killOrphanedPostgres();                                  // a power cut takes the database down too
        return seen;
    }

    /** Starts a command and returns at once; its standard output and error are merged. */
    public Process start(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g",
                "-jar", System.getProperty("archive.jar", "target/journal-archive.jar"),
                "--archive.data-directory=" + data, "--archive.jobs.close-threads=1"));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    private void killOrphanedPostgres() throws Exception {
        Path pidFile = data.resolve("postgres/postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
        ProcessHandle.of(pid).ifPresent(p -> {
            p.destroyForcibly();
            p.onExit().join();
        });
        Thread.sleep(500); // its server processes follow the postmaster down
    }
}
