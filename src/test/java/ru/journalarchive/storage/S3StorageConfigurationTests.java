package ru.journalarchive.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minio.MakeBucketArgs;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import ru.journalarchive.support.MinioServerExtension;

/** Starting S3 locations: the bucket checks against a real MinIO server and the configuration checks before them. */
class S3StorageConfigurationTests {

    @RegisterExtension
    static MinioServerExtension minio = new MinioServerExtension();

    @TempDir
    Path dataDirectory;

    private StorageProperties.Location filesystem() {
        return new StorageProperties.Location("site-a", "filesystem", dataDirectory.resolve("site-a"));
    }

    private StorageProperties.Location s3(String bucket) {
        return StorageProperties.Location.s3("s3-b", minio.endpoint(), bucket, minio.accessKey(), minio.secretKey());
    }

    @Test
    void aFilesystemAndAnS3LocationOpenSideBySide() {
        try (StorageLocations locations = StorageLocations.of(
                new StorageProperties(List.of(filesystem(), s3("side-by-side")), 2))) {

            assertThat(locations.all()).extracting(StorageLocation::type).containsExactly("filesystem", "s3");
            assertThat(locations.get("s3-b").description()).contains("s3://side-by-side/", minio.endpoint(),
                    "COMPLIANCE");
            assertThat(locations.get("site-a").supportsLegalHold()).isFalse();
        }
    }

    @Test
    void aBucketWithoutObjectLockIsRefusedNamingTheLocationAndTheBucket() throws Exception {
        minio.client().makeBucket(MakeBucketArgs.builder().bucket("no-object-lock").build());

        assertRejected(new StorageProperties(List.of(filesystem(), s3("no-object-lock")), 1),
                "archive.storage.locations[1].bucket", "'no-object-lock'", "'s3-b'", "no Object Lock");
    }

    @Test
    void aSecretKeyTheStoreRefusesFailsTheStartNamingTheProperty() {
        var wrongSecret = new StorageProperties.Location("s3-b", "s3", null, minio.endpoint(), "wrong-secret", null,
                minio.accessKey(), "not-the-secret", null, null);

        assertRejected(new StorageProperties(List.of(filesystem(), wrongSecret), 1),
                "archive.storage.locations[1].secret-key", minio.endpoint());
    }

    @Test
    void anUnknownAccessKeyFailsTheStartNamingTheProperty() {
        var unknown = new StorageProperties.Location("s3-b", "s3", null, minio.endpoint(), "unknown-key", null,
                "nobody", minio.secretKey(), null, null);

        assertRejected(new StorageProperties(List.of(unknown), 1), "archive.storage.locations[0].access-key");
    }

    @Test
    void aStoreThatCannotBeReachedDoesNotStopTheStartButEveryUseFailsNamingTheLocation() throws IOException {
        var down = StorageProperties.Location.s3("s3-b", "http://127.0.0.1:" + closedPort(), "unreachable",
                "key", "secret");

        try (StorageLocations locations = StorageLocations.of(new StorageProperties(List.of(filesystem(), down), 1))) {
            StorageLocation location = locations.get("s3-b");

            assertThatThrownBy(() -> location.put("a/b.pdf", new byte[] {1}))
                    .isInstanceOf(StorageException.class)
                    .hasMessageContaining("'s3-b'").hasMessageContaining("cannot be reached");
            assertThatThrownBy(() -> location.verify("a/b.pdf")).isInstanceOf(StorageException.class);
        }
    }

    @Test
    void aMissingBucketOrEndpointOrKeyFailsBeforeAnyConnectionNamingTheProperty() {
        assertInvalid(l -> new StorageProperties.Location(l.name(), l.type(), null, l.endpoint(), null, null,
                l.accessKey(), l.secretKey(), null, null), "archive.storage.locations[1].bucket");
        assertInvalid(l -> new StorageProperties.Location(l.name(), l.type(), null, " ", l.bucket(), null,
                l.accessKey(), l.secretKey(), null, null), "archive.storage.locations[1].endpoint");
        assertInvalid(l -> new StorageProperties.Location(l.name(), l.type(), null, "s3.example.org", l.bucket(), null,
                l.accessKey(), l.secretKey(), null, null), "archive.storage.locations[1].endpoint");
        assertInvalid(l -> new StorageProperties.Location(l.name(), l.type(), null, l.endpoint(), l.bucket(), null,
                null, l.secretKey(), null, null), "archive.storage.locations[1].access-key");
        assertInvalid(l -> new StorageProperties.Location(l.name(), l.type(), null, l.endpoint(), l.bucket(), null,
                l.accessKey(), "", null, null), "archive.storage.locations[1].secret-key");
    }

    @Test
    void anInvalidBucketNameRetentionModeOrPrefixFailsNamingTheProperty() {
        assertInvalid(l -> StorageProperties.Location.s3(l.name(), l.endpoint(), "Journals_2025", l.accessKey(),
                l.secretKey()), "archive.storage.locations[1].bucket");
        assertInvalid(l -> l.withRetentionMode("forever"), "archive.storage.locations[1].retention-mode");
        assertInvalid(l -> l.withPrefix("a/../b"), "archive.storage.locations[1].prefix");
    }

    @Test
    void twoLocationsInTheSameBucketAndPrefixFailBecauseTheyWouldNotBeTwoCopies() {
        var first = s3("shared");
        var second = StorageProperties.Location.s3("s3-c", minio.endpoint() + "/", "shared", "k", "s")
                .withPrefix("copy-2");

        assertThatThrownBy(() -> StorageLocations.of(new StorageProperties(List.of(first, second), 1)))
                .isInstanceOf(InvalidStorageConfigurationException.class)
                .extracting(e -> ((InvalidStorageConfigurationException) e).property())
                .isEqualTo("archive.storage.locations[1].prefix");
    }

    @Test
    void theS3PropertiesBindFromKebabCaseAndTheSecretNeverShowsInToString() {
        Map<String, String> source = new HashMap<>();
        source.put("archive.storage.locations[0].name", "s3-b");
        source.put("archive.storage.locations[0].type", "s3");
        source.put("archive.storage.locations[0].endpoint", "https://s3.example.org");
        source.put("archive.storage.locations[0].bucket", "journal-archive");
        source.put("archive.storage.locations[0].region", "ru-central1");
        source.put("archive.storage.locations[0].access-key", "archive");
        source.put("archive.storage.locations[0].secret-key", "s3cr3t-from-the-environment");
        source.put("archive.storage.locations[0].retention-mode", "GOVERNANCE");
        source.put("archive.storage.locations[0].prefix", "school-7");

        StorageProperties.Location location = new Binder(new MapConfigurationPropertySource(source))
                .bind("archive.storage", StorageProperties.class).get().locations().get(0);

        assertThat(location).isEqualTo(new StorageProperties.Location("s3-b", "s3", null, "https://s3.example.org",
                "journal-archive", "ru-central1", "archive", "s3cr3t-from-the-environment", "GOVERNANCE",
                "school-7"));
        assertThat(location.toString()).doesNotContain("s3cr3t").contains("journal-archive");
    }

    private void assertInvalid(UnaryOperator<StorageProperties.Location> change, String property) {
        StorageProperties.Location valid = StorageProperties.Location.s3("s3-b", "https://s3.example.org",
                "journal-archive", "key", "secret");
        assertRejected(new StorageProperties(List.of(filesystem(), change.apply(valid)), 1), property);
    }

    private static void assertRejected(StorageProperties properties, String property, String... mentions) {
        assertThatThrownBy(() -> StorageLocations.of(properties))
                .isInstanceOf(InvalidStorageConfigurationException.class)
                .hasMessageContaining(property + ":")
                .satisfies(e -> List.of(mentions).forEach(m -> assertThat(e.getMessage()).contains(m)))
                .extracting(e -> ((InvalidStorageConfigurationException) e).property()).isEqualTo(property);
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
