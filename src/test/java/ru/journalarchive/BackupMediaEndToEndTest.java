package ru.journalarchive;

import static org.assertj.core.api.Assertions.assertThat;

import gov.loc.repository.bagit.domain.Bag;
import gov.loc.repository.bagit.reader.BagReader;
import gov.loc.repository.bagit.verify.BagVerifier;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;
import ru.journalarchive.freezing.CanonicalJson;
import ru.journalarchive.registry.ArchivedDocument;
import ru.journalarchive.registry.DocumentQuery;
import ru.journalarchive.registry.DocumentRegistry;
import ru.journalarchive.storage.StorageLocation;
import ru.journalarchive.storage.StorageLocations;
import ru.journalarchive.storage.StorageProperties;
import ru.journalarchive.support.Cli;
import ru.journalarchive.support.Snapshots;
import tools.jackson.databind.JsonNode;

/**
 * Backup media end to end through the real CLI: a closed school exported as a BagIt bag that an independent BagIt
 * implementation accepts, checked against itself and the registry, used to rebuild both wiped locations, and the
 * register of media with its log of use.
 */
@SpringBootTest
@ActiveProfiles("test")
// A context (database and locations) of its own: it checks every replica of the registry, so other tests' deliberately damaged copies must not be in it
@TestPropertySource(properties = "test.context=backup-media")
class BackupMediaEndToEndTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    DocumentRegistry registry;
    @Autowired
    StorageLocations locations;
    @Autowired
    StorageProperties storageProperties;

    @TempDir
    Path tmp;

    Cli cli;

    @BeforeEach
    void cli() {
        cli = new Cli(context);
    }

    @Test
    void aBagWrittenByExportIsValidForTheLibraryOfCongressBagitAndForBackupVerifyAndExplainsItselfInRussian()
            throws Exception {
        close("bag-school", 40, 31L);
        Path bag = tmp.resolve("medium");

        Cli.Result export = cli.run("backup", "export", "--to", bag.toString(), "--medium", "DVD-2025-01",
                "--type", "optical", "--school", "bag-school", "--kept-at", "Сейф директора, каб. 12",
                "--written-by", "Завхоз Петрова");

        assertThat(export.exitCode()).as(export.err()).isZero();
        try (BagVerifier verifier = new BagVerifier()) {
            Bag read = new BagReader().read(bag);
            verifier.isValid(read, false); // throws on any invalid checksum, missing or extra file
            assertThat(BagVerifier.canQuickVerify(read)).isTrue();
            BagVerifier.quicklyVerify(read); // Payload-Oxum
            assertThat(read.getVersion().toString()).isEqualTo("1.0");
            assertThat(read.getMetadata().get("External-Identifier")).containsExactly("DVD-2025-01");
            assertThat(read.getMetadata().get("Source-Organization")).containsExactly("bag-school");
            assertThat(read.getMetadata().get("Internal-Sender-Description").get(0)).contains("Резервная копия");
        }
        List<ArchivedDocument> documents = registry.list(new DocumentQuery("bag-school", null, null, null));
        for (ArchivedDocument document : documents) {
            for (ArchivedDocument.ArchivedObject object : document.objects()) {
                assertThat(CanonicalJson.sha256(Files.readAllBytes(bag.resolve("data").resolve(object.key()))))
                        .as(object.key()).isEqualTo(object.sha256());
            }
        }
        JsonNode registryJson = Snapshots.JSON.readTree(bag.resolve("registry.json").toFile());
        assertThat(registryJson.get("documents")).hasSize(documents.size());
        assertThat(registryJson.get("documents").get(0).get("objects").get(0).get("sha256").asString())
                .isEqualTo(documents.get(0).objects().get(0).sha256());
        String readme = Files.readString(bag.resolve("README.txt"), StandardCharsets.UTF_8);
        assertThat(readme).contains("РЕЗЕРВНАЯ КОПИЯ", "bag-school", "2024/2025", "DVD-2025-01", "Завхоз Петрова",
                "Сейф директора", "sha256sum -c manifest-sha256.txt", "положением", "оптический диск");

        Cli.Result verify = cli.run("backup", "verify", bag.toString());
        assertThat(verify.exitCode()).as(verify.out() + verify.err()).isZero();
        assertThat(verify.out()).contains("Носитель цел");

        String damagedKey = documents.get(1).object(ArchivedDocument.ROLE_PDF).orElseThrow().key();
        Path damaged = bag.resolve("data").resolve(damagedKey);
        byte[] bytes = Files.readAllBytes(damaged);
        bytes[bytes.length / 3] ^= 0x01;
        Files.write(damaged, bytes);

        Cli.Result broken = cli.run("backup", "verify", bag.toString());
        assertThat(broken.exitCode()).isEqualTo(1);
        assertThat(broken.err()).contains("ИЗМЕНЁН: data/" + damagedKey)
                .contains("НЕ СОВПАДАЕТ С РЕЕСТРОМ: data/" + damagedKey);
        assertThat(broken.err().lines().filter(l -> l.startsWith("  "))).hasSize(2);
    }

    @Test
    void verifyNamesAMissingAndAnExtraPayloadFile() throws Exception {
        close("bag-gaps", 30, 32L);
        Path bag = tmp.resolve("usb");
        assertThat(cli.run("backup", "export", "--to", bag.toString(), "--medium", "USB-7", "--type", "usb",
                "--school", "bag-gaps").exitCode()).isZero();
        String key = registry.list(new DocumentQuery("bag-gaps", null, null, null)).get(0)
                .object(ArchivedDocument.ROLE_SOURCE_JSON).orElseThrow().key();
        Files.delete(bag.resolve("data").resolve(key));
        Files.writeString(bag.resolve("data/stray.txt"), "not archived");

        Cli.Result result = cli.run("backup", "verify", bag.toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("ОТСУТСТВУЕТ: data/" + key).contains("ЛИШНИЙ ФАЙЛ: data/stray.txt")
                .contains("НЕТ НА НОСИТЕЛЕ: data/" + key).contains("Payload-Oxum");
    }

    @Test
    void exportRefusesANonEmptyDirectoryAndATakenMediumId() throws Exception {
        close("bag-refuse", 30, 33L);
        Path full = Files.createDirectories(tmp.resolve("full"));
        Files.writeString(full.resolve("old.txt"), "something");

        Cli.Result notEmpty = cli.run("backup", "export", "--to", full.toString(), "--medium", "HDD-1", "--type",
                "hdd", "--school", "bag-refuse");

        assertThat(notEmpty.exitCode()).isEqualTo(2);
        assertThat(notEmpty.err()).contains("не пуста");
        try (Stream<Path> files = Files.list(full)) {
            assertThat(files).containsExactly(full.resolve("old.txt"));
        }
        assertThat(cli.run("backup", "export", "--to", tmp.resolve("one").toString(), "--medium", "HDD-1",
                "--type", "hdd", "--school", "bag-refuse").exitCode()).isZero();
        Cli.Result taken = cli.run("backup", "export", "--to", tmp.resolve("two").toString(), "--medium", "HDD-1",
                "--type", "hdd", "--school", "bag-refuse");
        assertThat(taken.exitCode()).isEqualTo(2);
        assertThat(taken.err()).contains("HDD-1 уже зарегистрирован");
    }

    @Test
    void exportTakesTheIntactReplicaWhenOneLocationHoldsADamagedCopy() throws Exception {
        close("bag-fallback", 30, 34L);
        ArchivedDocument document = registry.list(new DocumentQuery("bag-fallback", null, null, null)).get(0);
        ArchivedDocument.ArchivedObject pdf = document.object(ArchivedDocument.ROLE_PDF).orElseThrow();
        Path first = Path.of(locations.get(pdf.replicas().get(0).location()).describe(pdf.key()));
        byte[] bytes = Files.readAllBytes(first);
        bytes[100] ^= 0x01;
        first.toFile().setWritable(true);
        Files.write(first, bytes);
        Path bag = tmp.resolve("fallback");

        Cli.Result export = cli.run("backup", "export", "--to", bag.toString(), "--medium", "HDD-FB", "--type",
                "hdd", "--school", "bag-fallback");

        assertThat(export.exitCode()).as(export.err()).isZero();
        assertThat(export.out()).contains(pdf.key());
        assertThat(CanonicalJson.sha256(Files.readAllBytes(bag.resolve("data").resolve(pdf.key()))))
                .isEqualTo(pdf.sha256());
        assertThat(cli.run("backup", "verify", bag.toString()).exitCode()).isZero();
    }

    @Test
    void disasterDrillBothLocationsWipedAndRestoredFromABagVerifyClean() throws Exception {
        close("drill", 60, 35L);
        Path bag = tmp.resolve("drill-bag");
        // Everything archived goes on the medium, so that the whole archive can be rebuilt from it.
        Cli.Result export = cli.run("backup", "export", "--to", bag.toString(), "--medium", "HDD-DRILL", "--type",
                "hdd", "--handed-to-director");
        assertThat(export.exitCode()).as(export.err()).isZero();

        for (StorageLocation location : locations.all()) {
            deleteTree(Path.of(location.description()).getParent());
        }
        assertThat(cli.run("verify").exitCode()).isEqualTo(1);
        // New empty disks are mounted and the archive starts on them: opening the locations creates their layout.
        StorageLocations.of(storageProperties).close();

        Cli.Result a = cli.run("restore", "--from", bag.toString(), "--to", "site-a");
        Cli.Result b = cli.run("restore", "--from", bag.toString(), "--to", "site-b");

        assertThat(a.exitCode()).as(a.out() + a.err()).isZero();
        assertThat(b.exitCode()).as(b.out() + b.err()).isZero();
        long objects = registry.list(DocumentQuery.all()).stream().mapToLong(d -> d.objects().size()).sum();
        assertThat(a.out()).as(export.out()).contains("восстановлено файлов " + objects);
        Cli.Result verify = cli.run("verify");
        assertThat(verify.exitCode()).as(verify.err()).isZero();
        assertThat(verify.out()).contains("Все копии целы");

        Cli.Result again = cli.run("restore", "--from", bag.toString(), "--to", "site-a");
        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).contains("восстановлено файлов 0").contains("уже были на месте " + objects);
    }

    @Test
    void theMediaRegisterRefusesOutOfOrderIssueAndReturnAndListsTheLogOfUse() throws Exception {
        close("bag-log", 30, 36L);
        assertThat(cli.run("backup", "export", "--to", tmp.resolve("log").toString(), "--medium", "CD-LOG",
                "--type", "optical", "--school", "bag-log", "--kept-at", "Архив, шкаф 3").exitCode()).isZero();

        Cli.Result earlyReturn = cli.run("backup", "return", "--medium", "CD-LOG");
        assertThat(earlyReturn.exitCode()).isEqualTo(2);
        assertThat(earlyReturn.err()).contains("Носитель CD-LOG не выдан");

        Cli.Result issue = cli.run("backup", "issue", "--medium", "CD-LOG", "--to", "Инспектор Сидорова",
                "--purpose", "Проверка архива управлением образования", "--by", "Секретарь Иванова");
        assertThat(issue.exitCode()).as(issue.err()).isZero();
        Cli.Result twice = cli.run("backup", "issue", "--medium", "CD-LOG", "--to", "Учитель Орлов",
                "--purpose", "Просмотр");
        assertThat(twice.exitCode()).isEqualTo(2);
        assertThat(twice.err()).contains("уже выдан").contains("Инспектор Сидорова");
        Cli.Result unknown = cli.run("backup", "issue", "--medium", "NO-SUCH", "--to", "Кто-то", "--purpose", "x");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("NO-SUCH не зарегистрирован");

        Cli.Result listedOut = cli.run("backup", "media");
        assertThat(listedOut.out()).contains("CD-LOG").contains("ВЫДАН: Инспектор Сидорова");

        assertThat(cli.run("backup", "return", "--medium", "CD-LOG", "--by", "Секретарь Иванова").exitCode())
                .isZero();
        assertThat(cli.run("backup", "return", "--medium", "CD-LOG").exitCode()).isEqualTo(2);
        assertThat(cli.run("backup", "hand-over", "--medium", "CD-LOG").exitCode()).isZero();
        assertThat(cli.run("backup", "hand-over", "--medium", "CD-LOG").err()).contains("уже передан директору");

        Cli.Result listed = cli.run("backup", "media");
        assertThat(listed.exitCode()).isZero();
        String line = listed.out().lines().filter(l -> l.startsWith("CD-LOG")).findFirst().orElseThrow();
        assertThat(line).contains("оптический диск").contains("bag-log 2024/2025").contains("Архив, шкаф 3")
                .doesNotContain("передан директору: —");
        assertThat(listed.out()).contains("Инспектор Сидорова, цель: Проверка архива управлением образования")
                .contains("отметил(а) Секретарь Иванова").doesNotContain("ВЫДАН: Инспектор");
    }

    private void close(String schoolId, int pupils, long seed) throws IOException {
        Path snapshot = Snapshots.generate(tmp, schoolId, pupils, seed);
        Cli.Result result = cli.run("close", snapshot.toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                p.toFile().setWritable(true);
                Files.delete(p);
            }
        }
    }
}
