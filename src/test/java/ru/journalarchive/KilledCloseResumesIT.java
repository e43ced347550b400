package ru.journalarchive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.journalarchive.support.ArchiveProcess;
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
        ArchiveProcess archive = new ArchiveProcess(data);

        List<String> seen = archive.killWhenALineStartsWith("[3/", "close", snapshot.toString());

        assertThat(seen).as("the first run got three classes closed").anyMatch(l -> l.startsWith("[3/"));
        int total = Integer.parseInt(seen.stream().filter(l -> l.startsWith("[3/")).findFirst().orElseThrow()
                .replaceAll("^\\[3/(\\d+)].*", "$1"));

        ArchiveProcess.Run second = archive.run("close", snapshot.toString());

        assertThat(second.exit()).as(second.output()).isZero();
        assertThat(second.output()).contains("не закрыто 0");
        List<JsonNode> documents = archive.run("documents", "--json").output().lines().filter(l -> l.startsWith("{"))
                .map(Snapshots.JSON::readTree).toList();
        assertThat(documents).hasSize(total);
        assertThat(documents.stream().map(d -> d.get("classId").asString()).distinct()).hasSize(total);
        assertThat(documents).allSatisfy(d -> assertThat(d.get("replicas")).hasSize(2));
        assertThat(objectFiles(data)).as("a PDF and a JSON per class in each of two locations").hasSize(total * 4);
        assertThat(archive.run("verify").exit()).isZero();
    }

    private static List<Path> objectFiles(Path data) throws IOException {
        List<Path> files = new ArrayList<>();
        for (String site : List.of("site-a", "site-b")) {
            try (Stream<Path> walk = Files.walk(data.resolve("storage").resolve(site).resolve("objects"))) {
                walk.filter(Files::isRegularFile).filter(p -> !p.toString().contains("/objects/registry/")) // the registry journal
                        .forEach(files::add);
            }
        }
        return files;
    }
}
