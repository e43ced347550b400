package ru.journalarchive.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FilesystemStorageLocationTests {

    private static final String KEY = ObjectKeys.classJournalPdf("sosh-7", "2024/2025", "Q2", "5a", 1);
    private static final byte[] CONTENT = "%PDF-1.7 a fictional class journal".getBytes(StandardCharsets.US_ASCII);
    private static final String CONTENT_SHA = Sha256.of(CONTENT);

    @TempDir
    Path root;

    private StorageLocation location;

    @BeforeEach
    void openLocation() {
        location = new FilesystemStorageLocation("site-a", root, java.time.Clock.systemUTC());
    }

    @Test
    void aStoredObjectIsVerifiedWithTheSha256OfItsContent() throws Exception {
        Instant before = Instant.now();
        StoredObject stored = location.put(KEY, CONTENT);

        assertThat(stored.location()).isEqualTo("site-a");
        assertThat(stored.key()).isEqualTo(KEY);
        assertThat(stored.sha256()).isEqualTo(CONTENT_SHA);
        assertThat(stored.sizeBytes()).isEqualTo(CONTENT.length);
        assertThat(stored.verifiedAt()).isAfterOrEqualTo(before);
        assertThat(location.exists(KEY)).isTrue();
        assertThat(location.verify(KEY)).get().extracting(StoredObject::sha256).isEqualTo(CONTENT_SHA);
        try (InputStream in = location.open(KEY)) {
            assertThat(in.readAllBytes()).isEqualTo(CONTENT);
        }
        assertThat(root.resolve("objects").resolve(KEY)).hasBinaryContent(CONTENT);
    }

    @Test
    void theRecordedHashIsWhatSha256sumPrints() {
        StoredObject stored = location.put("test/abc.txt", "abc".getBytes(StandardCharsets.US_ASCII));

        // FIPS 180-2 test vector, also `printf abc | sha256sum`
        assertThat(stored.sha256()).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void storingTheSameBytesAgainWritesNothingAndReturnsTheStoredObject() throws Exception {
        location.put(KEY, CONTENT);
        Path file = root.resolve("objects").resolve(KEY);
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2025-06-30T10:00:00Z")));
        Object inode = Files.readAttributes(file, BasicFileAttributes.class).fileKey();

        StoredObject again = location.put(KEY, CONTENT);

        assertThat(again.sha256()).isEqualTo(CONTENT_SHA);
        assertThat(Files.getLastModifiedTime(file).toInstant()).isEqualTo(Instant.parse("2025-06-30T10:00:00Z"));
        assertThat(Files.readAttributes(file, BasicFileAttributes.class).fileKey()).isEqualTo(inode);
    }

    @Test
    void differentBytesUnderAnExistingKeyAreRefusedAndTheOriginalStaysByteIdentical() {
        location.put(KEY, CONTENT);
        byte[] other = "%PDF-1.7 a corrected journal".getBytes(StandardCharsets.US_ASCII);

        assertThatThrownBy(() -> location.put(KEY, other))
                .isInstanceOf(ObjectConflictException.class)
                .hasMessageContaining("site-a").hasMessageContaining(KEY)
                .hasMessageContaining(CONTENT_SHA).hasMessageContaining(Sha256.of(other));
        assertThat(root.resolve("objects").resolve(KEY)).hasBinaryContent(CONTENT);
    }

    @Test
    void aFlippedByteIsDetectedByVerify() throws Exception {
        location.put(KEY, CONTENT);
        Path file = root.resolve("objects").resolve(KEY);
        byte[] damaged = Files.readAllBytes(file);
        damaged[5] ^= 0x01;
        file.toFile().setWritable(true);
        Files.write(file, damaged);

        Optional<StoredObject> verified = location.verify(KEY);

        assertThat(verified).get().extracting(StoredObject::sha256).isNotEqualTo(CONTENT_SHA);
        assertThat(verified.get().sizeBytes()).isEqualTo(CONTENT.length);
    }

    @Test
    void aDeletedObjectVerifiesAsMissing() throws Exception {
        location.put(KEY, CONTENT);
        Files.delete(root.resolve("objects").resolve(KEY));

        assertThat(location.verify(KEY)).isEmpty();
        assertThat(location.exists(KEY)).isFalse();
        assertThatThrownBy(() -> location.open(KEY)).isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void leftoverTemporaryFilesAreNeitherObjectsNorObstacles() throws Exception {
        Path leftover = root.resolve(".incoming").resolve("class-journal.pdf.tmp-0b8f8c1e-crashed");
        Files.write(leftover, "half-writ".getBytes(StandardCharsets.US_ASCII));

        assertThat(location.exists(KEY)).isFalse();
        assertThat(location.put(KEY, CONTENT).sha256()).isEqualTo(CONTENT_SHA);
        try (Stream<Path> incoming = Files.list(root.resolve(".incoming"))) {
            assertThat(incoming).containsExactly(leftover);
        }
    }

    @ParameterizedTest(name = "publishing with hard links: {0}")
    @ValueSource(booleans = {true, false})
    void eightThreadsStoringTheSameKeyLeaveExactlyOneCorrectObject(boolean hardLinks) throws Exception {
        StorageLocation location = new FilesystemStorageLocation("site-a", root, java.time.Clock.systemUTC(),
                hardLinks);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<StoredObject>> results = new ArrayList<>();
        try {
            for (int i = 0; i < 8; i++) {
                Callable<StoredObject> put = () -> {
                    start.await();
                    return location.put(KEY, CONTENT);
                };
                results.add(pool.submit(put));
            }
            start.countDown();
            for (Future<StoredObject> result : results) {
                assertThat(result.get().sha256()).isEqualTo(CONTENT_SHA);
            }
        } finally {
            pool.shutdownNow();
        }
        Path dir = root.resolve("objects").resolve(KEY).getParent();
        try (Stream<Path> files = Files.list(dir); Stream<Path> incoming = Files.list(root.resolve(".incoming"))) {
            assertThat(files).containsExactly(dir.resolve("class-journal.pdf"));
            assertThat(incoming).isEmpty();
        }
        assertThat(dir.resolve("class-journal.pdf")).hasBinaryContent(CONTENT);
    }

    @ParameterizedTest(name = "publishing with hard links: {0}")
    @ValueSource(booleans = {true, false})
    void eightThreadsStoringDifferentBytesUnderOneKeyLeaveOneIntactObjectAndSevenConflicts(boolean hardLinks)
            throws Exception {
        StorageLocation location = new FilesystemStorageLocation("site-a", root, java.time.Clock.systemUTC(),
                hardLinks);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<StoredObject>> results = new ArrayList<>();
        try {
            for (int i = 0; i < 8; i++) {
                byte[] content = ("version " + i).getBytes(StandardCharsets.US_ASCII);
                results.add(pool.submit(() -> {
                    start.await();
                    return location.put(KEY, content);
                }));
            }
            start.countDown();
            int stored = 0;
            int conflicts = 0;
            for (Future<StoredObject> result : results) {
                try {
                    result.get();
                    stored++;
                } catch (java.util.concurrent.ExecutionException e) {
                    assertThat(e.getCause()).isInstanceOf(ObjectConflictException.class);
                    conflicts++;
                }
            }
            assertThat(stored).isEqualTo(1);
            assertThat(conflicts).isEqualTo(7);
        } finally {
            pool.shutdownNow();
        }
        assertThat(new String(Files.readAllBytes(root.resolve("objects").resolve(KEY)), StandardCharsets.US_ASCII))
                .matches("version [0-7]");
    }

    @ParameterizedTest
    @ValueSource(strings = {"../x", "/abs", "a//b", "a/./b", "a/../b", "a/b/", "", "sosh 7/x", "a\\b", "школа/x"})
    void badKeysAreRejectedNamingTheKey(String key) {
        assertThatThrownBy(() -> location.put(key, CONTENT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(key.isEmpty() ? "empty" : "'" + key + "'");
        assertThatThrownBy(() -> location.verify(key)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aKeyLongerThan512CharactersIsRejected() {
        String key = "a/".repeat(256) + "b";

        assertThatThrownBy(() -> location.put(key, CONTENT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most 512");
    }
}
