package ru.journalarchive.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minio.GetObjectArgs;
import io.minio.IsObjectLegalHoldEnabledArgs;
import io.minio.ListObjectsArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.RemoveObjectArgs;
import io.minio.Result;
import io.minio.StatObjectArgs;
import io.minio.StatObjectResponse;
import io.minio.errors.ErrorResponseException;
import io.minio.messages.Item;
import io.minio.messages.RetentionMode;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import ru.journalarchive.support.MinioServerExtension;

/** The S3 location against a real MinIO server: write-once puts, Object Lock retention, legal holds. */
class S3StorageLocationTests {

    @RegisterExtension
    static MinioServerExtension minio = new MinioServerExtension();

    private static final AtomicInteger buckets = new AtomicInteger();
    private static final String KEY = ObjectKeys.classJournalPdf("sosh-7", "2024/2025", "Q2", "5a", 1);
    private static final byte[] PDF = "%PDF-1.7 the second quarter of 5a".getBytes(StandardCharsets.US_ASCII);
    private static final LocalDate RETAIN_UNTIL = LocalDate.now(ZoneOffset.UTC).plusYears(5);

    private final List<S3StorageLocation> opened = new ArrayList<>();
    private MinioClient raw;
    private String bucket;

    @BeforeEach
    void freshBucketAndRawClient() {
        raw = minio.client();
        bucket = "archive-" + buckets.incrementAndGet();
    }

    @AfterEach
    void closeLocations() {
        opened.forEach(S3StorageLocation::close);
    }

    private S3StorageLocation location(StorageProperties.Location configured) {
        S3StorageLocation location = S3StorageLocation.open("archive.storage.locations[0]", configured,
                Clock.systemUTC());
        opened.add(location);
        return location;
    }

    private S3StorageLocation location() {
        return location(StorageProperties.Location.s3("s3-a", minio.endpoint(), bucket, minio.accessKey(),
                minio.secretKey()));
    }

    @Test
    void aPermanentRecordIsWrittenUnderALegalHoldOnItsFirstPutOnAnAdoptingPutAndOnARepair() throws Exception {
        S3StorageLocation location = location();
        String permanent = ObjectKeys.documentKey("sosh-7", "2025/2026", "Y", "act-1-2026", "destruction-act", 1,
                "destruction-act.pdf");

        location.put(permanent, PDF, StorageLocation.PERMANENT);

        assertThat(heldVersions(permanent)).containsExactly(true);
        assertThat(raw.getObjectRetention(io.minio.GetObjectRetentionArgs.builder().bucket(bucket).object(permanent)
                .build())).as("no retention date: it has none").isNull();
        // Written before permanent records were held: the next put of the same bytes places the hold.
        location.put(KEY, PDF, null);
        assertThat(heldVersions(KEY)).containsExactly(false);
        location.put(KEY, PDF, StorageLocation.PERMANENT);
        assertThat(heldVersions(KEY)).containsExactly(true);
        // A repair writes a new version: it is held too (the damaged one keeps its hold).
        raw.removeObject(io.minio.RemoveObjectArgs.builder().bucket(bucket).object(permanent).build());
        location.repair(permanent, PDF, StorageLocation.PERMANENT);
        assertThat(heldVersions(permanent)).containsExactly(true, true);
        assertThatThrownBy(() -> location.requireDestroyable(permanent))
                .isInstanceOfSatisfying(DestructionRefusedException.class,
                        e -> assertThat(e.reason()).isEqualTo(DestructionRefusedException.Reason.LEGAL_HOLD));
    }

    /** The legal hold of every object version under the key (delete markers left out), oldest first. */
    private List<Boolean> heldVersions(String key) throws Exception {
        List<io.minio.messages.Item> versions = new ArrayList<>();
        for (io.minio.Result<io.minio.messages.Item> r : raw.listObjects(io.minio.ListObjectsArgs.builder()
                .bucket(bucket).prefix(key).includeVersions(true).build())) {
            if (!r.get().isDeleteMarker()) {
                versions.add(r.get());
            }
        }
        versions.sort(java.util.Comparator.comparing(io.minio.messages.Item::lastModified));
        List<Boolean> held = new ArrayList<>();
        for (io.minio.messages.Item v : versions) {
            held.add(raw.isObjectLegalHoldEnabled(io.minio.IsObjectLegalHoldEnabledArgs.builder().bucket(bucket)
                    .object(key).versionId(v.versionId()).build()));
        }
        return held;
    }

    @Test
    void aMissingBucketIsCreatedWithVersioningAndObjectLock() throws Exception {
        location();

        assertThat(raw.getBucketVersioning(io.minio.GetBucketVersioningArgs.builder().bucket(bucket).build())
                .status()).isEqualTo(io.minio.messages.VersioningConfiguration.Status.ENABLED);
        assertThat(raw.getObjectLockConfiguration(io.minio.GetObjectLockConfigurationArgs.builder().bucket(bucket)
                .build())).isNotNull();
    }

    @Test
    void anObjectIsStoredWithItsHashAsMetadataAndAComplianceRetentionUntilTheStartOfItsDate() throws Exception {
        S3StorageLocation location = location();

        StoredObject stored = location.put(KEY, PDF, RETAIN_UNTIL);

        assertThat(stored.sha256()).isEqualTo(Sha256.of(PDF));
        assertThat(stored.sizeBytes()).isEqualTo(PDF.length);
        StatObjectResponse stat = stat(KEY);
        assertThat(stat.userMetadata()).containsEntry("sha256", Sha256.of(PDF));
        assertThat(stat.retentionMode()).isEqualTo(RetentionMode.COMPLIANCE);
        assertThat(stat.retentionRetainUntilDate().toInstant())
                .isEqualTo(RETAIN_UNTIL.atStartOfDay(ZoneOffset.UTC).toInstant());
        assertThat(stat.contentType()).isEqualTo("application/pdf");
        try (InputStream in = location.open(KEY)) {
            assertThat(in.readAllBytes()).isEqualTo(PDF);
        }
        assertThat(location.verify(KEY)).get().extracting(StoredObject::sha256).isEqualTo(Sha256.of(PDF));
        assertThat(location.exists(KEY)).isTrue();
        assertThat(location.describe(KEY)).isEqualTo("s3://%s/%s (%s)".formatted(bucket, KEY, minio.endpoint()));
    }

    @Test
    void puttingTheSameBytesAgainSucceedsWithoutWritingASecondVersion() throws Exception {
        S3StorageLocation location = location();

        StoredObject first = location.put(KEY, PDF, RETAIN_UNTIL);
        StoredObject again = location.put(KEY, PDF.clone(), RETAIN_UNTIL);

        assertThat(again.sha256()).isEqualTo(first.sha256());
        assertThat(versionsOf(KEY)).hasSize(1);
    }

    @Test
    void differentBytesUnderAnExistingKeyAreAConflictAndTheOriginalIsUntouched() throws Exception {
        S3StorageLocation location = location();
        location.put(KEY, PDF, RETAIN_UNTIL);
        byte[] changed = "%PDF-1.7 a retroactively changed mark".getBytes(StandardCharsets.US_ASCII);

        assertThatThrownBy(() -> location.put(KEY, changed, RETAIN_UNTIL))
                .isInstanceOf(ObjectConflictException.class)
                .hasMessageContaining("'s3-a'").hasMessageContaining(KEY)
                .hasMessageContaining(Sha256.of(PDF)).hasMessageContaining(Sha256.of(changed))
                .hasMessageContaining("write-once");
        assertThat(versionsOf(KEY)).hasSize(1);
        try (InputStream in = location.open(KEY)) {
            assertThat(in.readAllBytes()).isEqualTo(PDF);
        }
    }

    @Test
    void aSecondVersionWrittenBehindTheArchivesBackIsFoundByVerifyAndNotMistakenForTheOriginal() throws Exception {
        S3StorageLocation location = location();
        location.put(KEY, PDF, RETAIN_UNTIL);
        byte[] forged = PDF.clone();
        forged[5] ^= 1;

        raw.putObject(PutObjectArgs.builder().bucket(bucket).object(KEY)
                .stream(new ByteArrayInputStream(forged), forged.length, -1).build());

        assertThat(versionsOf(KEY)).hasSize(2);
        assertThat(location.verify(KEY)).get().extracting(StoredObject::sha256)
                .isEqualTo(Sha256.of(forged)).isNotEqualTo(Sha256.of(PDF));
        assertThatThrownBy(() -> location.put(KEY, PDF, RETAIN_UNTIL)).isInstanceOf(ObjectConflictException.class);
        assertThat(versionsOf(KEY)).hasSize(2);
    }

    @Test
    void minioRefusesToDeleteALockedVersionBeforeItsRetentionDateEvenForTheRootUser() throws Exception {
        S3StorageLocation location = location();
        location.put(KEY, PDF, RETAIN_UNTIL);
        String version = stat(KEY).versionId();

        assertThatThrownBy(() -> raw.removeObject(RemoveObjectArgs.builder().bucket(bucket).object(KEY)
                .versionId(version).build()))
                .isInstanceOfSatisfying(ErrorResponseException.class,
                        e -> assertThat(e.errorResponse().message()).containsIgnoringCase("WORM"));
        assertThatThrownBy(() -> raw.removeObject(RemoveObjectArgs.builder().bucket(bucket).object(KEY)
                .versionId(version).bypassGovernanceMode(true).build()))
                .isInstanceOfSatisfying(ErrorResponseException.class,
                        e -> assertThat(e.errorResponse().message()).containsIgnoringCase("WORM"));

        assertThat(read(KEY, version)).isEqualTo(PDF);
    }

    @Test
    void aPlainDeleteOnlyHidesTheObjectBehindADeleteMarkerWhichVerifyReportsAsMissing() throws Exception {
        S3StorageLocation location = location();
        location.put(KEY, PDF, RETAIN_UNTIL);
        String version = stat(KEY).versionId();

        raw.removeObject(RemoveObjectArgs.builder().bucket(bucket).object(KEY).build());

        assertThat(location.verify(KEY)).isEmpty();
        assertThat(location.exists(KEY)).isFalse();
        assertThatThrownBy(() -> location.open(KEY)).isInstanceOf(NoSuchFileException.class);
        assertThat(read(KEY, version)).as("the locked version survives").isEqualTo(PDF);
    }

    @Test
    void aGovernanceLocationLocksAgainstOrdinaryDeletesButLetsTheBypassPermissionThrough() throws Exception {
        S3StorageLocation location = location(StorageProperties.Location.s3("s3-a", minio.endpoint(), bucket,
                minio.accessKey(), minio.secretKey()).withRetentionMode("governance"));
        location.put(KEY, PDF, RETAIN_UNTIL);
        String version = stat(KEY).versionId();

        assertThat(stat(KEY).retentionMode()).isEqualTo(RetentionMode.GOVERNANCE);
        assertThatThrownBy(() -> raw.removeObject(RemoveObjectArgs.builder().bucket(bucket).object(KEY)
                .versionId(version).build())).isInstanceOf(ErrorResponseException.class);
        raw.removeObject(RemoveObjectArgs.builder().bucket(bucket).object(KEY).versionId(version)
                .bypassGovernanceMode(true).build());
        assertThat(versionsOf(KEY)).isEmpty();
    }

    @Test
    void withoutARetentionDateOrWithAPastOneTheObjectIsWrittenUnlocked() throws Exception {
        S3StorageLocation location = location();
        String past = ObjectKeys.classJournalJson("sosh-7", "2024/2025", "Q2", "5a", 1);

        location.put(KEY, PDF);
        location.put(past, PDF, LocalDate.of(2020, 1, 1));

        assertThat(stat(KEY).retentionMode()).isNull();
        assertThat(stat(past).retentionMode()).isNull();
        assertThat(stat(past).contentType()).isEqualTo("application/json");
    }

    @Test
    void aLegalHoldIsPlacedAndLiftedOnTheStoredVersionAndWhileHeldTheVersionCannotBeDeleted() throws Exception {
        S3StorageLocation location = location();
        location.put(KEY, PDF);
        String version = stat(KEY).versionId();
        var held = IsObjectLegalHoldEnabledArgs.builder().bucket(bucket).object(KEY).versionId(version).build();

        assertThat(location.supportsLegalHold()).isTrue();
        location.legalHold(KEY, true);
        assertThat(raw.isObjectLegalHoldEnabled(held)).isTrue();
        assertThatThrownBy(() -> raw.removeObject(RemoveObjectArgs.builder().bucket(bucket).object(KEY)
                .versionId(version).bypassGovernanceMode(true).build())).isInstanceOf(ErrorResponseException.class);

        location.legalHold(KEY, false);
        assertThat(raw.isObjectLegalHoldEnabled(held)).isFalse();
        assertThat(versionsOf(KEY)).hasSize(1);
    }

    @Test
    void aLegalHoldOnAMissingObjectFailsNamingTheKey() {
        S3StorageLocation location = location();

        assertThatThrownBy(() -> location.legalHold(KEY, true))
                .isInstanceOf(StorageException.class).hasMessageContaining(KEY).hasMessageContaining("'s3-a'");
    }

    @Test
    void aPrefixPutsEveryKeyUnderItInTheBucket() throws Exception {
        S3StorageLocation location = location(StorageProperties.Location.s3("s3-a", minio.endpoint(), bucket,
                minio.accessKey(), minio.secretKey()).withPrefix("/journal-archive/"));

        location.put(KEY, PDF, RETAIN_UNTIL);

        assertThat(stat("journal-archive/" + KEY).size()).isEqualTo(PDF.length);
        assertThat(location.describe(KEY)).startsWith("s3://%s/journal-archive/%s".formatted(bucket, KEY));
        assertThat(location.verify(KEY)).isPresent();
    }

    @Test
    void aMissingObjectIsNeitherVerifiedNorOpened() {
        S3StorageLocation location = location();

        assertThat(location.verify(KEY)).isEmpty();
        assertThat(location.exists(KEY)).isFalse();
        assertThatThrownBy(() -> location.open(KEY)).isInstanceOf(NoSuchFileException.class)
                .hasMessageContaining(KEY);
    }

    @Test
    void anInvalidKeyIsRefusedBeforeAnythingIsSent() {
        S3StorageLocation location = location();

        assertThatThrownBy(() -> location.put("../escape.pdf", PDF)).isInstanceOf(IllegalArgumentException.class);
    }

    private StatObjectResponse stat(String object) throws Exception {
        return raw.statObject(StatObjectArgs.builder().bucket(bucket).object(object).build());
    }

    private byte[] read(String object, String version) throws Exception {
        try (InputStream in = raw.getObject(GetObjectArgs.builder().bucket(bucket).object(object).versionId(version)
                .build())) {
            return in.readAllBytes();
        }
    }

    private List<String> versionsOf(String object) throws Exception {
        List<String> versions = new ArrayList<>();
        for (Result<Item> result : raw.listObjects(ListObjectsArgs.builder().bucket(bucket).prefix(object)
                .includeVersions(true).build())) {
            Item item = result.get();
            if (item.objectName().equals(object) && !item.isDeleteMarker()) {
                versions.add(item.versionId());
            }
        }
        return versions;
    }
}
