package ru.journalarchive.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;
import ru.journalarchive.storage.StorageLocations;
import ru.journalarchive.support.Cli;

/**
 * An object no registry entry names, planted in a location, is found by {@code verify} and {@code storage-report}
 * (exit 1, in Russian, with its location and key), while the registry journal's keys ({@code registry/}) are not; and
 * what a close stores is private to the service's user (folders 0700, files 0400).
 */
@SpringBootTest(properties = "archive.test.context=orphans")
@ActiveProfiles("test")
class OrphansAreFoundAndStorageIsPrivateTest {

    static final Path EXAMPLE = Path.of("archive-format/examples/example-school.json");
    static final String STRAY = "sosh-0/2024-2025/Q2/5a/class-journal/v1/class-journal-copy.pdf";

    @Autowired
    ApplicationContext context;
    @Autowired
    StorageLocations locations;

    @Test
    void aPlantedObjectIsReportedByVerifyAndStorageReportButRegistryKeysAreNot() throws Exception {
        Cli cli = new Cli(context);
        Cli.Result closed = cli.run("close", EXAMPLE.toString());
        assertThat(closed.exitCode()).as(closed.out() + closed.err()).isZero();
        assertThat(cli.run("verify").exitCode()).isZero();
        assertThat(cli.run("storage-report").exitCode()).isZero();

        Path siteA = Path.of(locations.get("site-a").description());
        Path siteB = Path.of(locations.get("site-b").description());
        Files.createDirectories(siteA.resolve(STRAY).getParent());
        Files.writeString(siteA.resolve(STRAY), "%PDF-1.7 put here by hand");
        Files.createDirectories(siteB.resolve("registry/journal"));
        Files.writeString(siteB.resolve("registry/identity.json"), "{}");
        Files.writeString(siteB.resolve("registry/journal/000001.jsonl"), "{}\n");

        Cli.Result verify = cli.run("verify");
        assertThat(verify.exitCode()).as(verify.out() + verify.err()).isEqualTo(1);
        assertThat(verify.err()).contains("ЛИШНИЙ ОБЪЕКТ (его нет в реестре): место «site-a», ключ " + STRAY)
                .doesNotContain("registry/").doesNotContain("site-b");

        Cli.Result report = cli.run("storage-report");
        assertThat(report.exitCode()).as(report.out() + report.err()).isEqualTo(1);
        assertThat(report.err()).contains("место «site-a», ключ " + STRAY).doesNotContain("registry/");
        assertThat(report.out()).containsPattern("Объектов в месте: \\d+; нет в реестре: 1,")
                .containsPattern("нет в реестре: 0, незавершённых закрытий: 0");
    }

    @Test
    void everyStoredFileIsReadableByTheServiceUserOnlyAndEveryFolderIsItsAlone() throws Exception {
        Cli cli = new Cli(context);
        assertThat(cli.run("close", EXAMPLE.toString()).exitCode()).isZero();

        for (String name : List.of("site-a", "site-b")) {
            Path root = Path.of(locations.get(name).description()).getParent();
            assertThat(Files.getPosixFilePermissions(root)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
            try (Stream<Path> all = Files.walk(root.resolve("objects"))) {
                for (Path p : all.toList()) {
                    String relative = root.resolve("objects").relativize(p).toString();
                    if (relative.startsWith("registry") || relative.startsWith("sosh-0")) {
                        continue; // planted by hand in the other test of this class
                    }
                    assertThat(Files.getPosixFilePermissions(p)).as(p.toString()).isEqualTo(
                            PosixFilePermissions.fromString(Files.isDirectory(p) ? "rwx------" : "r--------"));
                }
            }
        }
    }
}
