package ru.journalarchive.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StorageLocationsTests {

    @TempDir
    Path dataDirectory;

    private StorageProperties.Location filesystem(String name) {
        return new StorageProperties.Location(name, "filesystem", dataDirectory.resolve("storage").resolve(name));
    }

    @Test
    void theDefaultTwoLocationsAreOpenedAndTheirDirectoriesCreated() {
        StorageLocations locations = StorageLocations.of(
                new StorageProperties(List.of(filesystem("site-a"), filesystem("site-b")), 2));

        assertThat(locations.all()).extracting(StorageLocation::name).containsExactly("site-a", "site-b");
        assertThat(locations.all()).extracting(StorageLocation::type).containsOnly("filesystem");
        assertThat(locations.minimumCopies()).isEqualTo(2);
        assertThat(dataDirectory.resolve("storage/site-a/objects")).isDirectory();
        assertThat(dataDirectory.resolve("storage/site-b/objects")).isDirectory();
    }

    @Test
    void anObjectStoredInEveryLocationHasTheSameKeyAndHashEverywhere() {
        StorageLocations locations = StorageLocations.of(
                new StorageProperties(List.of(filesystem("site-a"), filesystem("site-b")), 2));
        String key = ObjectKeys.classJournalJson("sosh-7", "2024/2025", "Q2", "5a", 1);
        byte[] json = "{\"format\":\"journal-snapshot/1\"}".getBytes(StandardCharsets.UTF_8);

        List<StoredObject> copies = locations.all().stream().map(l -> l.put(key, json)).toList();

        assertThat(copies).extracting(StoredObject::sha256).containsOnly(copies.get(0).sha256());
        assertThat(dataDirectory.resolve("storage/site-b/objects/" + key)).hasBinaryContent(json);
    }

    @Test
    void anUnknownLocationNameIsAClearError() {
        StorageLocations locations = StorageLocations.of(new StorageProperties(List.of(filesystem("site-a")), 1));

        assertThat(locations.get("site-a").name()).isEqualTo("site-a");
        assertThatThrownBy(() -> locations.get("site-z"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'site-z'").hasMessageContaining("site-a");
    }

    @Test
    void noLocationsFailsNamingTheProperty() {
        assertRejected(new StorageProperties(List.of(), 1), "archive.storage.locations");
        assertRejected(new StorageProperties(null, 2), "archive.storage.locations");
    }

    @Test
    void aDuplicateNameFailsNamingTheSecondLocation() {
        var properties = new StorageProperties(List.of(filesystem("site-a"),
                new StorageProperties.Location("site-a", "filesystem", dataDirectory.resolve("other"))), 1);

        assertRejected(properties, "archive.storage.locations[1].name");
    }

    @Test
    void aNameOutsideLowerCaseLettersDigitsAndDashFails() {
        assertRejected(new StorageProperties(List.of(filesystem("Site_A")), 1), "archive.storage.locations[0].name");
    }

    @Test
    void anUnknownTypeFailsNamingTheProperty() {
        var properties = new StorageProperties(List.of(filesystem("site-a"),
                new StorageProperties.Location("site-b", "ftp", dataDirectory.resolve("b"))), 1);

        assertRejected(properties, "archive.storage.locations[1].type");
    }

    @Test
    void aMissingPathFailsNamingTheProperty() {
        var properties = new StorageProperties(List.of(filesystem("site-a"),
                new StorageProperties.Location("site-b", "filesystem", null)), 1);

        assertRejected(properties, "archive.storage.locations[1].path");
    }

    @Test
    void aPathThatIsAFileOpensTheLocationFaultyInsteadOfFailingTheStart() throws Exception {
        Path file = Files.writeString(dataDirectory.resolve("not-a-directory"), "x");
        var properties = new StorageProperties(List.of(new StorageProperties.Location("site-a", "filesystem", file)),
                1);

        try (StorageLocations locations = StorageLocations.of(properties)) {
            assertThat(locations.faults()).singleElement().extracting(StorageFault::kind)
                    .isEqualTo(StorageFault.Kind.NOT_A_DIRECTORY);
        }
    }

    @Test
    void twoLocationsInTheSameDirectoryFailBecauseTheyWouldNotBeTwoCopies() {
        var properties = new StorageProperties(List.of(filesystem("site-a"),
                new StorageProperties.Location("site-b", "filesystem", dataDirectory.resolve("storage/site-a/b"))), 1);

        assertRejected(properties, "archive.storage.locations[1].path");
    }

    @Test
    void minimumCopiesOutsideOneToTheNumberOfLocationsFails() {
        assertRejected(new StorageProperties(List.of(filesystem("site-a"), filesystem("site-b")), 3),
                "archive.storage.minimum-copies");
        assertRejected(new StorageProperties(List.of(filesystem("site-a")), 0), "archive.storage.minimum-copies");
    }

    private static void assertRejected(StorageProperties properties, String property) {
        assertThatThrownBy(() -> StorageLocations.of(properties))
                .isInstanceOf(InvalidStorageConfigurationException.class)
                .hasMessageContaining(property + ":")
                .extracting(e -> ((InvalidStorageConfigurationException) e).property()).isEqualTo(property);
    }
}
