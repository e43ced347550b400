package ru.journalarchive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.journalarchive.support.ArchiveProcess;
import ru.journalarchive.support.Snapshots;
import tools.jackson.databind.JsonNode;

/**
 * A power cut in the middle of a destruction: the archive and its database are killed with SIGKILL while an approved
 * act is being executed; running {@code act execute} again destroys the rest, and in the end every document of the act
 * is tombstoned exactly once with one certificate entry per object × location, no file of the act is left on disk,
 * and every other file (a held class of the same school, a second school, the act itself) is still there and
 * verifies. The school is of 2019/2020, so its journals may be destroyed from 1 January 2026 by the real clock of the
 * jar. Runs the real executable jar as separate processes.
 */
class KilledDispositionResumesIT {

    private static final String SCHOOL = "old-school";
    private static final String OTHER = "other-school";

    @TempDir
    Path tmp;

    @Test
    void aDestructionKilledHalfwayDeletesNothingOutsideTheActAndTheNextRunFinishesTheRest() throws Exception {
        Path data = tmp.resolve("data");
        ArchiveProcess archive = new ArchiveProcess(data);
        for (Path snapshot : List.of(Snapshots.generate(tmp, SCHOOL, 1200, 515151L, "2019/2020"),
                Snapshots.generate(tmp, OTHER, 60, 525252L, "2019/2020"))) {
            ArchiveProcess.Run closed = archive.run("close", snapshot.toString());
            assertThat(closed.exit()).as(closed.output()).isZero();
        }
        Map<String, JsonNode> before = documents(archive, "documents", "--json");
        String heldClass = before.values().stream().filter(d -> d.get("schoolId").asString().equals(SCHOOL))
                .map(d -> d.get("classId").asString()).sorted().findFirst().orElseThrow();
        ArchiveProcess.Run held = archive.run("hold", "place", "--scope", "class", "--school", SCHOOL, "--year",
                "2019/2020", "--class", heldClass, "--reason", "Запрос суда", "--by", "Директор");
        assertThat(held.exit()).as(held.output()).isZero();
        Set<Path> filesBefore = objectFiles(data);

        int year = LocalDate.now().getYear();
        String act = "1/" + year;
        String today = LocalDate.now().toString();
        assertThat(archive.run("act", "draft", "--school", SCHOOL, "--year", String.valueOf(year), "--by",
                "Делопроизводитель").exit()).isZero();
        assertThat(archive.run("act", "agree", "--act", act, "--protocol", "4", "--protocol-date", today, "--by",
                "Председатель ЭК").exit()).isZero();
        ArchiveProcess.Run approved = archive.run("act", "approve", "--act", act, "--by", "Директор");
        assertThat(approved.exit()).as(approved.output()).isZero();
        Map<String, JsonNode> inAct = new HashMap<>(before);
        inAct.values().removeIf(d -> !d.get("schoolId").asString().equals(SCHOOL)
                || d.get("classId").asString().equals(heldClass));
        int total = inAct.size();
        assertThat(total).as("many classes, so the run is mid-way when killed").isGreaterThan(30);

        List<String> seen = archive.killWhenALineStartsWith("[3/", "act", "execute", "--act", act, "--by",
                "Делопроизводитель");

        assertThat(seen).as("the first run destroyed three documents").anyMatch(l -> l.startsWith("[3/" + total + "]"));
        Map<String, JsonNode> destroyedByTheKilledRun = documents(archive, "documents", "--destroyed", "--json");
        assertThat(destroyedByTheKilledRun.size()).as("killed mid-way").isBetween(3, total - 1);
        assertThat(inAct.keySet()).containsAll(destroyedByTheKilledRun.keySet());
        assertThat(Sets.missing(filesBefore, objectFiles(data))).as("only files of the act are gone")
                .allMatch(f -> isOfTheAct(f, inAct));

        ArchiveProcess.Run second = archive.run("act", "execute", "--act", act, "--by", "Делопроизводитель");

        assertThat(second.exit()).as(second.output()).isZero();
        Map<String, JsonNode> destroyed = documents(archive, "documents", "--destroyed", "--json");
        assertThat(destroyed.keySet()).isEqualTo(inAct.keySet());
        assertThat(destroyed.values()).allSatisfy(d -> {
            assertThat(d.get("destroyed").get("actNumber").asString()).isEqualTo(act);
            assertThat(d.get("destroyed").get("destroyedBy").asString()).isEqualTo("Делопроизводитель");
        });
        List<String> certificate = archive.run("act", "certificate", "--act", act).output().lines()
                .filter(l -> l.matches("^[0-9a-f-]{36}\t.*")).toList();
        List<String> entries = certificate.stream().map(l -> String.join("|", List.of(l.split("\t")).subList(0, 6)))
                .toList();
        assertThat(entries).as("one entry per object (PDF, frozen JSON) × location (site-a, site-b)")
                .hasSize(total * 2 * 2).doesNotHaveDuplicates();
        assertThat(certificate.stream().map(l -> l.split("\t")[0]).collect(Collectors.toSet()))
                .isEqualTo(inAct.keySet());

        Set<Path> filesAfter = objectFiles(data);
        assertThat(filesAfter).as("no file of the act is left").noneMatch(f -> isOfTheAct(f, inAct));
        Set<Path> expected = new HashSet<>(filesBefore);
        expected.removeIf(f -> isOfTheAct(f, inAct));
        assertThat(filesAfter).as("every file outside the act is still there").containsAll(expected);
        assertThat(filesAfter.stream().filter(f -> f.toString().contains("destruction-act")))
                .as("the act itself, and its signed rendition, in both locations").hasSize(4);
        Map<String, JsonNode> live = documents(archive, "documents", "--json");
        assertThat(live.values()).noneMatch(d -> inAct.containsKey(d.get("id").asString()));
        assertThat(live.values().stream().filter(d -> d.get("classId").asString().equals(heldClass))).hasSize(1);
        assertThat(live.values().stream().filter(d -> d.get("schoolId").asString().equals(OTHER)))
                .hasSize((int) before.values().stream().filter(d -> d.get("schoolId").asString().equals(OTHER))
                        .count());
        ArchiveProcess.Run verified = archive.run("verify");
        assertThat(verified.exit()).as(verified.output()).isZero();
        assertThat(archive.run("act", "execute", "--act", act, "--by", "Делопроизводитель").exit()).isZero();
        assertThat(archive.run("act", "certificate", "--act", act).output().lines()
                .filter(l -> l.matches("^[0-9a-f-]{36}\t.*")).count()).isEqualTo(certificate.size());
    }

    /** The documents a {@code documents … --json} command lists, by id. */
    private static Map<String, JsonNode> documents(ArchiveProcess archive, String... args) throws Exception {
        ArchiveProcess.Run run = archive.run(args);
        assertThat(run.exit()).as(run.output()).isZero();
        return run.output().lines().filter(l -> l.startsWith("{")).map(Snapshots.JSON::readTree)
                .collect(Collectors.toMap(d -> d.get("id").asString(), d -> d));
    }

    /** Whether a stored file (relative to its location) is an object of one of the act's documents. */
    private static boolean isOfTheAct(Path file, Map<String, JsonNode> inAct) {
        String key = file.subpath(1, file.getNameCount()).toString().replace('\\', '/');
        return inAct.values().stream().anyMatch(d -> key.equals(d.get("source").get("key").asString())
                || key.equals(d.get("replicas").get(0).get("key").asString()));
    }

    /** Every object file in site-a and site-b, as {@code <site>/<key>}. */
    private static Set<Path> objectFiles(Path data) throws IOException {
        Set<Path> files = new HashSet<>();
        for (String site : List.of("site-a", "site-b")) {
            Path objects = data.resolve("storage").resolve(site).resolve("objects");
            try (Stream<Path> walk = Files.walk(objects)) {
                // The registry journal's own objects (its destroyed contents are checked by the registry drill test).
                walk.filter(Files::isRegularFile).filter(f -> !objects.relativize(f).startsWith("registry"))
                        .forEach(f -> files.add(Path.of(site).resolve(objects.relativize(f))));
            }
        }
        return files;
    }

    private static final class Sets {
        static Set<Path> missing(Set<Path> before, Set<Path> after) {
            Set<Path> gone = new HashSet<>(before);
            gone.removeAll(after);
            return gone;
        }
    }
}
