package ru.journalarchive;

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
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.journalarchive.support.Snapshots;
import tools.jackson.databind.JsonNode;

/**
 * A power cut in the middle of a close: the archive process and its database are killed with SIGKILL while classes
 * are being closed; running the same {@code close} again finishes every class, with no duplicate document, replica
 * or file, and every copy verifies. Runs the real executable jar as separate processes.
 */
class KilledCloseResumesIT {

    private static final int PUPILS = 400;

    @TempDir
    Path tmp;

    @Test
    void aCloseKilledHalfwayIsFinishedByTheNextRunWithNothingDuplicatedOrLost() throws Exception {
        Path snapshot = Snapshots.generate(tmp, "power-cut", PUPILS, 424242L);
        Path data = tmp.resolve("data");

        Process first = archive(data, "close", snapshot.toString());
        List<String> seen = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(first.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                seen.add(line);
                if (line.startsWith("[3/")) {
                    break;
                }
            }
        }
        assertThat(seen).as("the first run got three classes closed").anyMatch(l -> l.startsWith("[3/"));
        first.destroyForcibly().waitFor(30, TimeUnit.SECONDS);  // SIGKILL: no shutdown hooks run
        killOrphanedPostgres(data);                              // a power cut takes the database down too
        int total = Integer.parseInt(seen.stream().filter(l -> l.startsWith("[3/")).findFirst().orElseThrow()
                .replaceAll("^\\[3/(\\d+)].*", "$1"));

        Run second = run(data, "close", snapshot.toString());

        assertThat(second.exit()).as(second.output()).isZero();
        assertThat(second.output()).contains("не закрыто 0");
        Run listed = run(data, "documents", "--json");
        List<JsonNode> documents = listed.output().lines().filter(l -> l.startsWith("{"))
                .map(Snapshots.JSON::readTree).toList();
        assertThat(documents).hasSize(total);
        assertThat(documents.stream().map(d -> d.get("classId").asString()).distinct()).hasSize(total);
        assertThat(documents).allSatisfy(d -> assertThat(d.get("replicas")).hasSize(2));
        assertThat(objectFiles(data)).as("a PDF and a JSON per class in each of two locations").hasSize(total * 4);
        assertThat(run(data, "verify").exit()).isZero();
    }

    private record Run(int exit, String output) {
    }

    private Run run(Path data, String... args) throws Exception {
        Process process = archive(data, args);
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        return new Run(process.exitValue(), output);
    }

    private static Process archive(Path data, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g",
                "-jar", System.getProperty("archive.jar", "target/journal-archive.jar"),
                "--archive.data-directory=" + data, "--archive.jobs.close-threads=1"));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    static void killOrphanedPostgres(Path data) throws Exception {
        Path pidFile = data.resolve("postgres/postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
        ProcessHandle.of(pid).ifPresent(p -> {
            p.destroyForcibly();
            p.onExit().join();
        });
        // Its server processes follow the postmaster down; give them a moment.
        Thread.sleep(500);
    }

    private static List<Path> objectFiles(Path data) throws IOException {
        List<Path> files = new ArrayList<>();
        for (String site : List.of("site-a", "site-b")) {
            try (Stream<Path> walk = Files.walk(data.resolve("storage").resolve(site).resolve("objects"))) {
                walk.filter(Files::isRegularFile).forEach(files::add);
            }
        }
        return files;
    }
}
