package ru.journalarchive;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;
import ru.journalarchive.registry.ArchivedDocument;
import ru.journalarchive.registry.DocumentQuery;
import ru.journalarchive.registry.DocumentRegistry;
import ru.journalarchive.storage.StorageLocations;
import ru.journalarchive.support.Cli;
import ru.journalarchive.support.Snapshots;

/**
 * With a location down and {@code archive.archiving.close-on-healthy-locations} on, a close completes on the healthy
 * location (the minimum of copies) and registers only the copies that exist; {@code replicate} catches the location
 * up once it is back, byte for byte.
 */
@SpringBootTest(properties = {"archive.archiving.close-on-healthy-locations=true", "archive.storage.minimum-copies=1"})
@ActiveProfiles("test")
class LocationDownTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    DocumentRegistry registry;
    @Autowired
    StorageLocations locations;

    @TempDir
    Path tmp;

    @Test
    void aCloseCompletesOnTheHealthyLocationAndReplicationCatchesTheOtherUp() throws Exception {
        Cli cli = new Cli(context);
        Path siteB = Path.of(locations.get("site-b").description());
        Path parked = siteB.resolveSibling("objects-parked");
        Files.move(siteB, parked);
        Files.writeString(siteB, "the disk of site-b is gone"); // nothing can be written under it

        Cli.Result closed = cli.run("close", Snapshots.generate(tmp, "down", 60, 31L).toString());

        assertThat(closed.exitCode()).as(closed.err()).isZero();
        List<ArchivedDocument> documents = registry.list(new DocumentQuery("down", null, null, null));
        assertThat(documents).isNotEmpty().allSatisfy(d -> assertThat(d.objects()).allSatisfy(o ->
                assertThat(o.replicas()).extracting(ArchivedDocument.Replica::location).containsExactly("site-a")));
        assertThat(cli.run("replicate").exitCode()).as("site-b is still down").isEqualTo(1);
        Cli.Result incomplete = cli.run("verify", "--school", "down");
        assertThat(incomplete.exitCode()).isEqualTo(1);
        assertThat(incomplete.err()).contains("НЕТ КОПИИ").contains("site-b");

        Files.delete(siteB);
        Files.move(parked, siteB);
        Cli.Result replicated = cli.run("replicate");

        assertThat(replicated.exitCode()).as(replicated.err()).isZero();
        for (ArchivedDocument document : registry.list(new DocumentQuery("down", null, null, null))) {
            for (ArchivedDocument.ArchivedObject object : document.objects()) {
                assertThat(object.replicas()).extracting(ArchivedDocument.Replica::location)
                        .containsExactlyInAnyOrder("site-a", "site-b");
                assertThat(Files.readAllBytes(Path.of(locations.get("site-b").describe(object.key()))))
                        .isEqualTo(Files.readAllBytes(Path.of(locations.get("site-a").describe(object.key()))));
            }
        }
        assertThat(cli.run("verify", "--school", "down").exitCode()).isZero();
        assertThat(cli.run("replicate").out()).contains("Сделано копий: 0");
    }
}
