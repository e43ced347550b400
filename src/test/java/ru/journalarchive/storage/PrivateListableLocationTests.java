package ru.journalarchive.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A filesystem location lists exactly its published objects, keeps its folders and files private to the service's
 * user, tightens an existing location that was open to others, and opens faulty (not failing) when its folder cannot
 * be used.
 */
class PrivateListableLocationTests {

    private static final String PDF = ObjectKeys.classJournalPdf("sosh-7", "2024/2025", "Q2", "5a", 1);
    private static final String JSON = ObjectKeys.classJournalJson("sosh-7", "2024/2025", "Q2", "5a", 1);
    private static final byte[] BYTES = "%PDF-1.7 a fictional journal".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path tmp;

    @Test
    void listingNamesEveryPublishedKeyAndNothingInIncomingOrQuarantine() throws Exception {
        Path root = tmp.resolve("site-a");
        var location = new FilesystemStorageLocation("site-a", root, Clock.systemUTC());
        location.put(PDF, BYTES);
        location.put(JSON, BYTES);
        location.put("registry/identity.json", BYTES);
        location.repair(PDF, "%PDF-1.7 repaired".getBytes(StandardCharsets.US_ASCII), null); // damaged goes aside
        Files.writeString(root.resolve(".incoming/left-by-a-crash.tmp-1"), "x");

        try (Stream<String> keys = location.list()) {
            assertThat(keys.toList()).containsExactlyInAnyOrder(PDF, JSON, "registry/identity.json");
        }
        assertThat(Files.list(root.resolve("quarantine")).toList()).isNotEmpty();
    }

    @Test
    void foldersAre0700AndObjects0400() throws Exception {
        Path root = tmp.resolve("site-a");
        var location = new FilesystemStorageLocation("site-a", root, Clock.systemUTC());
        location.put(PDF, BYTES);

        assertThat(Files.getPosixFilePermissions(location.pathForTests(PDF)))
                .isEqualTo(PosixFilePermissions.fromString("r--------"));
        for (Path dir = location.pathForTests(PDF).getParent(); !dir.equals(tmp); dir = dir.getParent()) {
            assertThat(Files.getPosixFilePermissions(dir)).as(dir.toString())
                    .isEqualTo(PosixFilePermissions.fromString("rwx------"));
        }
        assertThat(Files.getPosixFilePermissions(root.resolve(".incoming")))
                .isEqualTo(PosixFilePermissions.fromString("rwx------"));
    }

    @Test
    void anExistingLocationOpenToOthersIsTightenedWhenItOpens() throws Exception {
        Path root = tmp.resolve("site-a");
        Files.createDirectories(root.resolve("objects"));
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(root.resolve("objects"), PosixFilePermissions.fromString("rwxrwxrwx"));

        new FilesystemStorageLocation("site-a", root, Clock.systemUTC());

        assertThat(Files.getPosixFilePermissions(root)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
        assertThat(Files.getPosixFilePermissions(root.resolve("objects")))
                .isEqualTo(PosixFilePermissions.fromString("rwx------"));
    }

    @Test
    void aFolderTheAdministratorClosedToEveryoneIsNotReopened() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("site-a"));
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("---------"));
        try {
            new FilesystemStorageLocation("site-a", root, Clock.systemUTC());

            assertThat(Files.getPosixFilePermissions(root)).isEmpty();
        } finally {
            Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwx------"));
        }
    }

    @Test
    void aPathThatIsAFileOpensFaultyAndEveryCallFailsWithItsReason() throws Exception {
        Path file = Files.writeString(tmp.resolve("site-b"), "the disk of site-b is gone");

        var location = new FilesystemStorageLocation("site-b", file, Clock.systemUTC());

        assertThat(location.check()).get().satisfies(f -> {
            assertThat(f.location()).isEqualTo("site-b");
            assertThat(f.kind()).isEqualTo(StorageFault.Kind.NOT_A_DIRECTORY);
            assertThat(f.where()).isEqualTo(file.toString());
        });
        assertThatThrownBy(() -> location.put(PDF, BYTES)).isInstanceOf(StorageException.class)
                .hasMessageContaining("site-b");
        assertThatThrownBy(() -> location.verify(PDF)).isInstanceOf(StorageException.class);
        assertThatThrownBy(location::list).isInstanceOf(StorageException.class);
        assertThat(Files.readString(file)).isEqualTo("the disk of site-b is gone");
    }

    @Test
    void aFolderThatCannotBeCreatedIsAFaultUntilItCan() throws Exception {
        Path blocker = Files.writeString(tmp.resolve("mount"), "not a folder");
        var location = new FilesystemStorageLocation("site-b", blocker.resolve("site-b"), Clock.systemUTC());

        assertThat(location.check()).get().extracting(StorageFault::kind).isEqualTo(StorageFault.Kind.CANNOT_CREATE);

        Files.delete(blocker); // the disk is back
        assertThat(location.check()).isEmpty();
        location.put(PDF, BYTES);
        try (Stream<String> keys = location.list()) {
            assertThat(keys.toList()).isEqualTo(List.of(PDF));
        }
    }

    @Test
    void storageLocationsOpensAFaultyLocationBesideAHealthyOne() throws Exception {
        Path file = Files.writeString(tmp.resolve("site-b"), "x");
        var properties = new StorageProperties(List.of(
                new StorageProperties.Location("site-a", "filesystem", tmp.resolve("site-a")),
                new StorageProperties.Location("site-b", "filesystem", file)), 1);

        try (StorageLocations locations = StorageLocations.of(properties)) {
            assertThat(locations.faults()).extracting(StorageFault::location).containsExactly("site-b");
            locations.get("site-a").put(PDF, BYTES);
            assertThat(locations.get("site-a").exists(PDF)).isTrue();
        }
    }
}
