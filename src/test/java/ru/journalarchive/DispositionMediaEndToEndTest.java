package ru.journalarchive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;
import ru.journalarchive.disposition.DestructionAct;
import ru.journalarchive.disposition.DestructionActs;
import ru.journalarchive.registry.ArchivedDocument;
import ru.journalarchive.registry.DocumentQuery;
import ru.journalarchive.registry.DocumentRegistry;
import ru.journalarchive.storage.StorageLocations;
import ru.journalarchive.support.Cli;
import ru.journalarchive.support.Snapshots;
import tools.jackson.databind.JsonNode;

/**
 * Backup media after a destruction, through the real CLI: a DVD written before the act was executed is listed for
 * physical destruction with every object of the act it holds, the archivist's confirmation is recorded once (a second
 * one and an unknown medium are refused, naming the field), {@code backup verify} names each destroyed file with its
 * act, and {@code restore} from that DVD brings back the live files and never a destroyed one; the destroyed documents
 * stay visible to the archivist ({@code documents --destroyed}).
 */
@SpringBootTest
@ActiveProfiles("test")
// A context (database and locations) of its own: it audits and restores every replica, so other tests' deliberately damaged copies must not be in it
@TestPropertySource(properties = "test.context=disposition-media")
class DispositionMediaEndToEndTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    DocumentRegistry registry;
    @Autowired
    StorageLocations locations;
    @Autowired
    DestructionActs acts;

    @TempDir
    Path tmp;

    @Test
    void aMediumHoldingDestroyedRecordsIsFlaggedConfirmedOnceAndNeverRestoresThem() throws Exception {
        Cli cli = new Cli(context);
        assertThat(cli.run("close", Snapshots.generate(tmp, "media-old", 150, 71L, "2019/2020").toString())
                .exitCode()).isZero();
        assertThat(cli.run("close", Snapshots.generate(tmp, "media-other", 10, 72L, "2019/2020").toString())
                .exitCode()).isZero();
        List<ArchivedDocument> closed = registry.list(new DocumentQuery("media-old", null, null, null));
        ArchivedDocument kept = closed.get(0);
        assertThat(cli.run("hold", "place", "--scope", "class", "--school", "media-old", "--year", "2019/2020",
                "--class", kept.classId(), "--reason", "Запрос выпускника", "--by", "Архивист").exitCode()).isZero();
        Path dvd = tmp.resolve("dvd");
        Cli.Result exported = cli.run("backup", "export", "--to", dvd.toString(), "--medium", "DVD-2020-01", "--type",
                "optical", "--school", "media-old", "--kept-at", "Сейф директора", "--written-by", "Завхоз");
        assertThat(exported.exitCode()).as(exported.err()).isZero();
        assertThat(cli.run("backup", "export", "--to", tmp.resolve("hdd").toString(), "--medium", "HDD-OTHER",
                "--type", "hdd", "--school", "media-other", "--written-by", "Завхоз").exitCode()).isZero();
        DestructionAct act = executedAct(cli, "media-old");
        String ref = act.id().toString();
        assertThat(act.documentIds()).hasSize(closed.size() - 1).doesNotContain(kept.id());

        // The archivist still sees what was destroyed, under which act, when and by whom.
        Cli.Result gone = cli.run("documents", "--destroyed", "--school", "media-old", "--json");
        List<JsonNode> tombstones = gone.out().lines().filter(l -> l.startsWith("{")).map(Snapshots.JSON::readTree)
                .toList();
        assertThat(tombstones).extracting(d -> java.util.UUID.fromString(d.get("id").asString()))
                .containsExactlyInAnyOrderElementsOf(act.documentIds());
        assertThat(tombstones).allSatisfy(d -> {
            assertThat(d.get("destroyed").get("actNumber").asString()).isEqualTo(act.number());
            assertThat(d.get("destroyed").get("destroyedBy").asString()).isEqualTo("Архивист");
            assertThat(d.get("destroyed").get("destroyedAt").asString()).isNotBlank();
            assertThat(d.get("replicas")).isEmpty();
        });
        assertThat(cli.run("documents", "--destroyed", "--school", "media-old").out())
                .contains("уничтожен по акту № " + act.number())
                .contains("Уничтоженных документов: " + act.documentIds().size());
        assertThat(cli.run("documents", "--school", "media-old", "--json").out().lines()
                .filter(l -> l.startsWith("{"))).hasSize(2); // the held class and the act itself

        Cli.Result media = cli.run("disposition", "media", "--act", ref);

        assertThat(media.exitCode()).as(media.err()).isZero();
        assertThat(media.out()).contains("DVD-2020-01").contains("Сейф директора").contains("ожидает уничтожения")
                .contains("объектов: " + act.documentIds().size() * 2).doesNotContain("HDD-OTHER");
        for (java.util.UUID id : act.documentIds()) {
            for (ArchivedDocument.ArchivedObject o : registry.get(id).objects()) {
                assertThat(media.out()).contains(o.key()).contains(o.sha256());
            }
        }
        assertThat(media.out()).doesNotContain(kept.object(ArchivedDocument.ROLE_PDF).orElseThrow().key());

        Cli.Result unknown = cli.run("disposition", "confirm-medium", "--act", ref, "--medium", "HDD-OTHER", "--by",
                "Архивист");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("--medium").contains("HDD-OTHER");
        Cli.Result confirmed = cli.run("disposition", "confirm-medium", "--act", ref, "--medium", "DVD-2020-01",
                "--by", "Архивист Орлова");
        assertThat(confirmed.exitCode()).as(confirmed.err()).isZero();
        Cli.Result again = cli.run("disposition", "confirm-medium", "--act", ref, "--medium", "DVD-2020-01", "--by",
                "Другой");
        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.err()).contains("уже подтверждено").contains("Архивист Орлова").contains("--medium");
        assertThat(cli.run("disposition", "media", "--act", ref).out()).contains("уничтожен, подтвердил Архивист Орлова")
                .doesNotContain("Другой");

        Cli.Result verified = cli.run("backup", "verify", dvd.toString());
        assertThat(verified.exitCode()).isEqualTo(1);
        assertThat(verified.err()).contains("УНИЧТОЖЕН ПО АКТУ № " + act.number())
                .doesNotContain("НЕТ В РЕЕСТРЕ АРХИВА")
                .doesNotContain(kept.object(ArchivedDocument.ROLE_PDF).orElseThrow().key());
        assertThat(verified.err().lines().filter(l -> l.contains("УНИЧТОЖЕН ПО АКТУ"))).hasSize(
                act.documentIds().size() * 2);

        // site-a lost: restoring it from the DVD brings back the held class and the other files, never the destroyed.
        Path siteA = Path.of(locations.get("site-a").description());
        wipe(siteA);
        Cli.Result restored = cli.run("restore", "--from", dvd.toString(), "--to", "site-a");
        assertThat(restored.exitCode()).as(restored.out() + restored.err()).isZero();
        assertThat(restored.err()).contains("НЕ ВОССТАНОВЛЕН").contains("уничтожен по акту № " + act.number());
        for (ArchivedDocument.ArchivedObject o : kept.objects()) {
            assertThat(Files.exists(Path.of(locations.get("site-a").describe(o.key())))).as(o.key()).isTrue();
        }
        for (java.util.UUID id : act.documentIds()) {
            for (ArchivedDocument.ArchivedObject o : registry.get(id).objects()) {
                assertThat(Files.exists(Path.of(locations.get("site-a").describe(o.key())))).as(o.key()).isFalse();
            }
        }
        // The act itself was approved after the DVD was written: the fixity audit repairs it from site-b.
        assertThat(cli.run("audit", "--full").exitCode()).isZero();
        Cli.Result verify = cli.run("verify", "--school", "media-old");
        assertThat(verify.exitCode()).as(verify.out() + verify.err()).isZero();
    }

    private DestructionAct executedAct(Cli cli, String school) {
        String year = String.valueOf(LocalDate.now().getYear());
        Cli.Result drafted = cli.run("act", "draft", "--school", school, "--year", year, "--by", "Делопроизводитель");
        assertThat(drafted.exitCode()).as(drafted.out() + drafted.err()).isZero();
        String id = acts.list(school).get(0).id().toString();
        assertThat(cli.run("act", "agree", "--act", id, "--protocol", "5", "--protocol-date",
                LocalDate.now().toString(), "--by", "Председатель ЭК").exitCode()).isZero();
        assertThat(cli.run("act", "approve", "--act", id, "--by", "Директор").exitCode()).isZero();
        Cli.Result executed = cli.run("act", "execute", "--act", id, "--by", "Архивист");
        assertThat(executed.exitCode()).as(executed.out() + executed.err()).isZero();
        return acts.find(id);
    }

    private static void wipe(Path directory) throws IOException {
        try (Stream<Path> walk = Files.walk(directory)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
