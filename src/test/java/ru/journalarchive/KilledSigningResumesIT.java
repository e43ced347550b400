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
 * A power cut while the director's signatures are being made: the archive and its database are killed with SIGKILL
 * halfway through {@code sign}; the next {@code sign} leaves every document signed exactly once (one signed rendition
 * per document in each location, each verifying). Runs the real executable jar as separate processes.
 */
class KilledSigningResumesIT {

    @TempDir
    Path tmp;

    @Test
    void aSigningRunKilledHalfwayIsFinishedWithEveryDocumentSignedExactlyOnce() throws Exception {
        Path snapshot = Snapshots.generate(tmp, "power-cut-sign", 400, 434343L);
        Path data = tmp.resolve("data");
        assertThat(run(data, "close", snapshot.toString()).exit()).isZero();

        Process first = archive(data, "sign");
        List<String> seen = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(first.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                seen.add(line);
                if (line.startsWith("[4]")) {
                    break;
                }
            }
        }
        assertThat(seen).as("the first run signed some documents").anyMatch(l -> l.startsWith("[4]"));
        first.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        KilledCloseResumesIT.killOrphanedPostgres(data);

        Run second = run(data, "sign");

        assertThat(second.exit()).as(second.output()).isZero();
        List<JsonNode> documents = run(data, "documents", "--json").output().lines().filter(l -> l.startsWith("{"))
                .map(Snapshots.JSON::readTree).toList();
        assertThat(documents).isNotEmpty();
        long signedFiles;
        try (Stream<Path> walk = Files.walk(data.resolve("storage"))) {
            signedFiles = walk.filter(f -> f.getFileName().toString().equals("class-journal.signed.pdf")).count();
        }
        assertThat(signedFiles).as("one signed rendition per document in each of two locations")
                .isEqualTo(documents.size() * 2L);
        assertThat(documents).allSatisfy(d -> assertThat(d.has("signature")).isTrue());
        Run verified = run(data, "verify");
        assertThat(verified.exit()).as(verified.output()).isZero();
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
}
