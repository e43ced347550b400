package ru.journalarchive.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minio.ListObjectsArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.Result;
import io.minio.messages.Item;
import io.minio.messages.Retention;
import io.minio.messages.RetentionMode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import ru.journalarchive.support.MinioServerExtension;

/**
 * {@link StorageLocation#destroy(String)}, the only deletion, on a real directory and a real MinIO server with Object
 * Lock: every copy goes, a repeated call is harmless, and a copy the store still protects is refused untouched.
 */
class StorageDestroyTests {

    @RegisterExtension
    static MinioServerExtension minio = new MinioServerExtension();

    private static final AtomicInteger buckets = new AtomicInteger();
    private static final String KEY = ObjectKeys.classJournalPdf("sosh-7", "2024/2025", "Q2", "5a", 1);
    private static final String OTHER = ObjectKeys.classJournalJson("sosh-7", "2024/2025", "Q2", "5a", 1);
    private static final byte[] PDF = "%PDF-1.7 the second quarter of 5a".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path root;

    private final List<S3StorageLocation> opened = new ArrayList<>();

    @AfterEach
    void close() {
        opened.forEach(S3StorageLocation::close);
    }

    private S3StorageLocation s3(String bucket) {
        S3StorageLocation location = S3StorageLocation.open("archive.storage.locations[0]",
                StorageProperties.Location.s3("s3-a", minio.endpoint(), bucket, minio.accessKey(), minio.secretKey()),
                Clock.systemUTC());
        opened.add(location);
        return location;
    }

    @Test
    void aFilesystemLocationDeletesTheFileAndARepeatedDestructionFindsNothingToDelete() throws Exception {
        FilesystemStorageLocation location = new FilesystemStorageLocation("site-a", root, Clock.systemUTC());
        location.put(KEY, PDF);
        location.put(OTHER, PDF);

        DestroyedObject first = location.destroy(KEY);
        DestroyedObject again = location.destroy(KEY);

        assertThat(first.versions()).isEqualTo(1);
        assertThat(Files.exists(Path.of(location.describe(KEY)))).isFalse();
        assertThat(again.versions()).isZero();
        assertThat(location.verify(OTHER)).as("the object beside it is untouched").isPresent();
    }

    @Test
    void anS3LocationDeletesEveryVersionOfAnObjectWithoutRetentionOrWhoseRetentionHasPassed() throws Exception {
        String bucket = "destroy-" + buckets.incrementAndGet();
        S3StorageLocation location = s3(bucket);
        location.put(KEY, PDF); // no retention
        location.repair(KEY, "%PDF-1.7 a second version".getBytes(StandardCharsets.US_ASCII), null);
        MinioClient raw = minio.client();
        // An object whose Object Lock retention ends two seconds from now, then has passed.
        ZonedDateTime soon = ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(2);
        raw.putObject(PutObjectArgs.builder().bucket(bucket).object(OTHER)
                .stream(new ByteArrayInputStream(PDF), PDF.length, -1)
                .retention(new Retention(RetentionMode.COMPLIANCE, soon)).build());
        assertThat(versions(raw, bucket, KEY)).isEqualTo(2);
        Thread.sleep(3_000);

        DestroyedObject destroyed = location.destroy(KEY);
        DestroyedObject expired = location.destroy(OTHER);

        assertThat(destroyed.versions()).isEqualTo(2);
        assertThat(expired.versions()).isEqualTo(1);
        assertThat(versions(raw, bucket, KEY)).as("no version and no delete marker left").isZero();
        assertThat(versions(raw, bucket, OTHER)).isZero();
        assertThat(location.exists(KEY)).isFalse();
        assertThat(location.destroy(KEY).versions()).as("idempotent").isZero();
    }

    @Test
    void anS3ObjectLockedIntoTheFutureOrUnderLegalHoldIsRefusedAndKept() throws Exception {
        String bucket = "destroy-" + buckets.incrementAndGet();
        S3StorageLocation location = s3(bucket);
        LocalDate future = LocalDate.now(ZoneOffset.UTC).plusYears(5);
        location.put(KEY, PDF, future);
        location.put(OTHER, PDF);
        location.legalHold(OTHER, true);

        assertThatThrownBy(() -> location.destroy(KEY))
                .isInstanceOfSatisfying(DestructionRefusedException.class, e -> {
                    assertThat(e.reason()).isEqualTo(DestructionRefusedException.Reason.RETENTION_NOT_EXPIRED);
                    assertThat(e.retainUntil()).isEqualTo(future.atStartOfDay(ZoneOffset.UTC).toInstant());
                });
        assertThatThrownBy(() -> location.destroy(OTHER))
                .isInstanceOfSatisfying(DestructionRefusedException.class,
                        e -> assertThat(e.reason()).isEqualTo(DestructionRefusedException.Reason.LEGAL_HOLD));

        assertThat(location.verify(KEY)).hasValueSatisfying(o -> assertThat(o.sha256()).isEqualTo(Sha256.of(PDF)));
        assertThat(location.verify(OTHER)).isPresent();
        location.legalHold(OTHER, false);
    }

    private static int versions(MinioClient raw, String bucket, String object) throws Exception {
        int n = 0;
        for (Result<Item> r : raw.listObjects(ListObjectsArgs.builder().bucket(bucket).prefix(object)
                .recursive(true).includeVersions(true).build())) {
            if (r.get().objectName().equals(object)) {
                n++;
            }
        }
        return n;
    }
}
