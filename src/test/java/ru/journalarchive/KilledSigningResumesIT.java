package ru.journalarchive;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.journalarchive.support.ArchiveProcess;
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
        ArchiveProcess archive = new ArchiveProcess(data);
        assertThat(archive.run("close", snapshot.toString()).exit()).isZero();

        List<String> seen = archive.killWhenALineStartsWith("[4]", "sign");

        assertThat(seen).as("the first run signed some documents").anyMatch(l -> l.startsWith("[4]"));
        ArchiveProcess.Run second = archive.run("sign");
        assertThat(second.exit()).as(second.output()).isZero();
        List<JsonNode> documents = archive.run("documents", "--json").output().lines()
                .filter(l -> l.startsWith("{")).map(Snapshots.JSON::readTree).toList();
        assertThat(documents).isNotEmpty();
        long signedFiles;
        try (Stream<Path> walk = Files.walk(data.resolve("storage"))) {
            signedFiles = walk.filter(f -> f.getFileName().toString().equals("class-journal.signed.pdf")).count();
        }
        assertThat(signedFiles).as("one signed rendition per document in each of two locations")
                .isEqualTo(documents.size() * 2L);
        assertThat(documents).allSatisfy(d -> assertThat(d.has("signature")).isTrue());
        ArchiveProcess.Run verified = archive.run("verify");
        assertThat(verified.exit()).as(verified.output()).isZero();
    }
}
