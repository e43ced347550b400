package ru.journalarchive.storage;

import io.minio.BucketExistsArgs;
import io.minio.DisableObjectLegalHoldArgs;
import io.minio.EnableObjectLegalHoldArgs;
import io.minio.GetBucketVersioningArgs;
import io.minio.GetObjectArgs;
import io.minio.GetObjectLockConfigurationArgs;
import io.minio.GetObjectResponse;
import io.minio.GetObjectRetentionArgs;
import io.minio.IsObjectLegalHoldEnabledArgs;
import io.minio.ListObjectsArgs;
import io.minio.RemoveObjectArgs;
import io.minio.Result;
import io.minio.messages.Item;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.ObjectWriteResponse;
import io.minio.PutObjectArgs;
import io.minio.StatObjectArgs;
import io.minio.StatObjectResponse;
import io.minio.errors.MinioException;
import io.minio.messages.Retention;
import io.minio.messages.RetentionMode;
import io.minio.messages.VersioningConfiguration;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A storage location in a bucket of an S3-compatible store (MinIO, Ceph, a cloud) with versioning and Object
 * Lock. Objects live at {@code <prefix>/<key>}, each written once with its SHA-256 as user metadata
 * ({@code x-amz-meta-sha256}) and, when a retention date is given, an Object Lock retention ({@code COMPLIANCE} by
 * default) that keeps anyone, the store's root user included, from deleting or overwriting it before that date.
 * The location itself never writes a second version of a key: a put looks first and only writes a missing key.
 *
 * <p>The bucket is checked when the location opens: created with Object Lock if missing, refused if it lacks
 * Object Lock or versioning. A store that cannot be reached at start does not stop the application: the check is
 * repeated before the first use, and every call fails with a {@link StorageException} until the store answers.
 */
final class S3StorageLocation implements StorageLocation, AutoCloseable {

    static final String TYPE = "s3";
    /** The user metadata entry that records the SHA-256; S3 sends it as {@code x-amz-meta-sha256}. */
    static final String SHA256_METADATA = "sha256";

    private static final Logger log = LoggerFactory.getLogger(S3StorageLocation.class);
    /**
     * One HTTP client for every S3 location of the process, as OkHttp recommends: each one owns a connection pool
     * and threads, and building one (TLS set-up) takes up to a second. A {@link MinioClient} given a client does
     * not close it on {@link MinioClient#close()}.
     */
    private static final OkHttpClient HTTP = new OkHttpClient.Builder()
            .connectTimeout(10, TimeUnit.SECONDS)
            .writeTimeout(2, TimeUnit.MINUTES)
            .readTimeout(2, TimeUnit.MINUTES)
            .protocols(List.of(Protocol.HTTP_1_1))
            .build();

    private final String name;
    private final String property;
    private final String endpoint;
    private final String bucket;
    private final String region;
    private final String prefix;
    private final RetentionMode retentionMode;
    private final MinioClient client;
    private final Clock clock;
    private final Object[] putLocks = new Object[64];
    private volatile boolean bucketChecked;
    /** Keys per ListObjectsV2 page (S3's maximum is 1000); smaller in tests to exercise the paging. */
    private volatile int listPageSize = 1000;

    private S3StorageLocation(String property, StorageProperties.Location location, Clock clock) {
        this.name = location.name();
        this.property = property;
        this.endpoint = location.endpoint().strip().replaceAll("/+$", "");
        this.bucket = location.bucket().strip();
        this.region = blankToNull(location.region());
        this.prefix = normalizedPrefix(location.prefix());
        this.retentionMode = retentionMode(location.retentionMode());
        this.clock = clock;
        for (int i = 0; i < putLocks.length; i++) {
            putLocks[i] = new Object();
        }
        MinioClient.Builder builder = MinioClient.builder().endpoint(endpoint)
                .credentials(location.accessKey(), location.secretKey()).httpClient(HTTP);
        if (region != null) {
            builder.region(region);
        }
        this.client = builder.build();
    }

    /**
     * Opens the location configured at {@code property} (e.g. {@code archive.storage.locations[2]}) and checks its
     * bucket, creating it with Object Lock if missing.
     *
     * @throws InvalidStorageConfigurationException if the bucket lacks Object Lock or versioning, or the store
     *                                              refuses the credentials
     */
    static S3StorageLocation open(String property, StorageProperties.Location location, Clock clock) {
        S3StorageLocation s3 = new S3StorageLocation(property, location, clock);
        try {
            s3.ensureBucket();
        } catch (S3UnreachableException e) {
            log.warn("S3 location '{}' at {} cannot be reached now ({}); it will be checked again before first use",
                    s3.name, s3.endpoint, e.getMessage());
        } catch (RuntimeException e) {
            s3.close();
            throw e;
        }
        return s3;
    }

    /** The Object Lock mode configured ({@code COMPLIANCE} unless configured otherwise). */
    static RetentionMode retentionMode(String configured) {
        return configured == null || configured.isBlank() ? RetentionMode.COMPLIANCE
                : RetentionMode.valueOf(configured.strip().toUpperCase(java.util.Locale.ROOT));
    }

    /** The prefix without leading or trailing slashes, followed by one slash; empty for none. */
    static String normalizedPrefix(String configured) {
        String stripped = configured == null ? "" : configured.strip().replaceAll("^/+|/+$", "");
        return stripped.isEmpty() ? "" : ObjectKeys.requireValid(stripped) + "/";
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public StoredObject put(String key, byte[] content, LocalDate retainUntil) {
        String object = objectName(key);
        String sha256 = Sha256.of(content);
        ensureBucket();
        // S3 cannot refuse a put to an existing key (a versioned bucket keeps both): looking first and writing
        // under a lock is what keeps this location from ever writing a second version. The lock covers this
        // process; one archive process owns its locations.
        synchronized (putLocks[Math.floorMod(object.hashCode(), putLocks.length)]) {
            Optional<StoredObject> existing = verify(key);
            if (existing.isPresent()) {
                if (!existing.get().sha256().equals(sha256)) {
                    throw new ObjectConflictException(name, key, existing.get().sha256(), sha256);
                }
                if (PERMANENT.equals(retainUntil)) {
                    holdCurrentVersion(key, object); // stored before permanent records were held: hold it now
                }
                return existing.get();
            }
            ObjectWriteResponse written = upload(key, object, content, sha256, retainUntil);
            return readBack(key, object, written.versionId(), sha256, content.length);
        }
    }

    /**
     * Writes the bytes as a new current version when the current one is damaged, missing or a delete marker: the
     * damaged version stays in the bucket (a noncurrent version, locked if it was), so nothing is lost.
     */
    @Override
    public RepairedObject repair(String key, byte[] content, LocalDate retainUntil) {
        String object = objectName(key);
        String sha256 = Sha256.of(content);
        ensureBucket();
        synchronized (putLocks[Math.floorMod(object.hashCode(), putLocks.length)]) {
            Optional<StatObjectResponse> current = stat(key);
            Optional<StoredObject> intact = current.isEmpty() ? Optional.empty() : verify(key);
            if (intact.isPresent() && intact.get().sha256().equals(sha256)) {
                return new RepairedObject(intact.get(), null);
            }
            ObjectWriteResponse written = upload(key, object, content, sha256, retainUntil);
            StoredObject stored = readBack(key, object, written.versionId(), sha256, content.length);
            String keptAt = current.map(c -> "%s version %s".formatted(describe(key), c.versionId())).orElse(null);
            log.info("Object '{}' in location '{}' repaired as version {}{}", key, name, written.versionId(),
                    keptAt == null ? "" : "; the damaged bytes stay as " + keptAt);
            return new RepairedObject(stored, keptAt);
        }
    }

    @Override
    public Optional<StoredObject> verify(String key) {
        String object = objectName(key);
        ensureBucket();
        try (GetObjectResponse in = call(key, "could not be read",
                () -> client.getObject(GetObjectArgs.builder().bucket(bucket).object(object).build()))) {
            Sha256.Digest digest = Sha256.of(in);
            return Optional.of(new StoredObject(name, key, digest.sha256(), digest.sizeBytes(), clock.instant()));
        } catch (MissingObject e) {
            return Optional.empty();
        } catch (IOException e) {
            throw unreachableOr(key, "could not be read to the end", e);
        }
    }

    @Override
    public InputStream open(String key) throws IOException {
        String object = objectName(key);
        ensureBucket();
        try {
            return call(key, "could not be opened",
                    () -> client.getObject(GetObjectArgs.builder().bucket(bucket).object(object).build()));
        } catch (MissingObject e) {
            throw new NoSuchFileException(describe(key), null, "no object '%s' in location '%s'".formatted(key, name));
        }
    }

    @Override
    public boolean exists(String key) {
        return stat(key).isPresent();
    }

    /**
     * Lists the bucket under the prefix with ListObjectsV2, one page ({@link #listPageSize} keys) fetched at a time
     * as the stream is read: the current version of each key (delete markers hide a key, as for {@link #exists}).
     */
    @Override
    public Stream<String> list() {
        ensureBucket();
        return StreamSupport.stream(listing(listPageSize).spliterator(), false)
                .map(result -> call("*", "could not be listed", result::get))
                .filter(item -> !item.isDir() && item.objectName().startsWith(prefix))
                .map(item -> item.objectName().substring(prefix.length()));
    }

    private Iterable<Result<Item>> listing(int pageSize) {
        ListObjectsArgs.Builder args = ListObjectsArgs.builder().bucket(bucket).recursive(true).maxKeys(pageSize);
        if (!prefix.isEmpty()) {
            args.prefix(prefix);
        }
        return client.listObjects(args.build());
    }

    /** Sets how many keys one listing page asks for (1..1000). */
    void listPageSize(int keys) {
        if (keys < 1 || keys > 1000) {
            throw new IllegalArgumentException("a listing page holds 1 to 1000 keys, not " + keys);
        }
        this.listPageSize = keys;
    }

    /** Checks the bucket (again, if it could not be checked before) and lists one key of it. */
    @Override
    public Optional<StorageFault> check() {
        try {
            ensureBucket();
            for (Result<Item> result : listing(1)) {
                call("*", "could not be listed", result::get);
                break;
            }
            return Optional.empty();
        } catch (S3UnreachableException e) {
            return Optional.of(new StorageFault(name, StorageFault.Kind.UNREACHABLE, endpoint, e.getMessage()));
        } catch (RuntimeException e) {
            return Optional.of(new StorageFault(name, StorageFault.Kind.REFUSED, description(), e.getMessage()));
        }
    }

    @Override
    public boolean supportsLegalHold() {
        return true;
    }

    /** Places or lifts an S3 legal hold on the object's version; a held version cannot be deleted by anyone. */
    @Override
    public void legalHold(String key, boolean on) {
        String object = objectName(key);
        StatObjectResponse current = stat(key)
                .orElseThrow(() -> failure(key, "does not exist, so it cannot be " + (on ? "held" : "released"),
                        null));
        call(key, on ? "could not be placed under legal hold" : "could not be released from legal hold", () -> {
            if (on) {
                client.enableObjectLegalHold(EnableObjectLegalHoldArgs.builder().bucket(bucket).object(object)
                        .versionId(current.versionId()).build());
            } else {
                client.disableObjectLegalHold(DisableObjectLegalHoldArgs.builder().bucket(bucket).object(object)
                        .versionId(current.versionId()).build());
            }
            return null;
        });
        log.info("Legal hold {} on '{}' in location '{}'", on ? "placed" : "lifted", key, name);
    }

    private void holdCurrentVersion(String key, String object) {
        StatObjectResponse current = stat(key).orElseThrow(() -> failure(key, "vanished while being held", null));
        boolean held = call(key, "could not be checked for a legal hold", () -> client.isObjectLegalHoldEnabled(
                IsObjectLegalHoldEnabledArgs.builder().bucket(bucket).object(object).versionId(current.versionId())
                        .build()));
        if (!held) {
            legalHold(key, true);
        }
    }

    /** Checks every version of the key for a retention not yet passed or a legal hold; deletes nothing. */
    @Override
    public void requireDestroyable(String key) {
        String object = objectName(key);
        ensureBucket();
        for (Item version : versionsOf(key, object)) {
            if (!version.isDeleteMarker()) {
                refuseIfProtected(key, object, version.versionId());
            }
        }
    }

    /**
     * Deletes every version and delete marker of the key, after checking each version's Object Lock retention and
     * legal hold: if any version is still protected nothing is deleted (see the interface).
     */
    @Override
    public DestroyedObject destroy(String key) {
        String object = objectName(key);
        ensureBucket();
        synchronized (putLocks[Math.floorMod(object.hashCode(), putLocks.length)]) {
            List<Item> versions = versionsOf(key, object);
            for (Item version : versions) {
                if (!version.isDeleteMarker()) {
                    refuseIfProtected(key, object, version.versionId());
                }
            }
            for (Item version : versions) {
                call(key, "could not be destroyed (version %s)".formatted(version.versionId()), () -> {
                    client.removeObject(RemoveObjectArgs.builder().bucket(bucket).object(object)
                            .versionId(version.versionId()).build());
                    return null;
                });
            }
            if (!versionsOf(key, object).isEmpty()) {
                throw failure(key, "still has versions after they were deleted", null);
            }
            if (!versions.isEmpty()) {
                log.info("Object '{}' in location '{}' destroyed ({} versions)", key, name, versions.size());
            }
            return new DestroyedObject(name, key, versions.size(), clock.instant());
        }
    }

    /** Every version and delete marker stored under exactly this object name. */
    private List<Item> versionsOf(String key, String object) {
        List<Item> versions = new java.util.ArrayList<>();
        Iterable<Result<Item>> listed = client.listObjects(ListObjectsArgs.builder().bucket(bucket).prefix(object)
                .recursive(true).includeVersions(true).build());
        for (Result<Item> result : listed) {
            Item item = call(key, "could not be listed", result::get);
            if (item.objectName().equals(object)) {
                versions.add(item);
            }
        }
        return versions;
    }

    private void refuseIfProtected(String key, String object, String versionId) {
        boolean held = call(key, "could not be checked for a legal hold", () -> client.isObjectLegalHoldEnabled(
                IsObjectLegalHoldEnabledArgs.builder().bucket(bucket).object(object).versionId(versionId).build()));
        if (held) {
            throw new DestructionRefusedException(name, key, DestructionRefusedException.Reason.LEGAL_HOLD, null);
        }
        Retention retention;
        try {
            retention = client.getObjectRetention(GetObjectRetentionArgs.builder().bucket(bucket).object(object)
                    .versionId(versionId).build());
        } catch (MinioException | IOException | GeneralSecurityException e) {
            if ("NoSuchObjectLockConfiguration".equals(S3Calls.codeOf(e))) {
                return; // written without retention
            }
            throw unreachableOr(key, "could not be checked for its retention", e);
        }
        if (retention != null && retention.retainUntilDate() != null
                && retention.retainUntilDate().toInstant().isAfter(clock.instant())) {
            throw new DestructionRefusedException(name, key, DestructionRefusedException.Reason.RETENTION_NOT_EXPIRED,
                    retention.retainUntilDate().toInstant());
        }
    }

    @Override
    public String describe(String key) {
        return "s3://%s/%s%s (%s)".formatted(bucket, prefix, ObjectKeys.requireValid(key), endpoint);
    }

    @Override
    public String description() {
        return "s3://%s/%s (%s, Object Lock %s)".formatted(bucket, prefix, endpoint, retentionMode);
    }

    @Override
    public String toString() {
        return "s3 location '%s' at %s".formatted(name, description());
    }

    /** Releases the client (the shared HTTP connections stay for the other locations). */
    @Override
    public void close() {
        try {
            client.close();
        } catch (Exception e) {
            log.debug("Closing the S3 client of location '{}' failed: {}", name, e.toString());
        }
    }

    private ObjectWriteResponse upload(String key, String object, byte[] content, String sha256,
            LocalDate retainUntil) {
        PutObjectArgs.Builder put = PutObjectArgs.builder().bucket(bucket).object(object)
                .stream(new ByteArrayInputStream(content), content.length, -1)
                .contentType(contentTypeOf(key))
                .userMetadata(Map.of(SHA256_METADATA, sha256));
        if (PERMANENT.equals(retainUntil)) {
            // A permanent record has no destruction date, so no retention date to lock it until: a legal hold, which
            // has no end date, keeps every version of it from being deleted by anyone until it is lifted.
            put.legalHold(true);
            return upload(key, put);
        }
        ZonedDateTime until = retainUntil == null ? null : retainUntil.atStartOfDay(ZoneOffset.UTC);
        if (until != null && until.toInstant().isAfter(clock.instant())) {
            put.retention(new Retention(retentionMode, until));
        } else if (until != null) {
            log.info("Object '{}' in location '{}' is written without retention: {} is not in the future", key, name,
                    retainUntil);
        }
        return upload(key, put);
    }

    private ObjectWriteResponse upload(String key, PutObjectArgs.Builder put) {
        try {
            return call(key, "could not be written", () -> client.putObject(put.build()));
        } catch (MissingObject e) {
            throw failure(key, "could not be written: the bucket '%s' vanished".formatted(bucket), e);
        }
    }

    /** Reads the version just written back through SHA-256 and checks it and its recorded hash. */
    private StoredObject readBack(String key, String object, String versionId, String sha256, long size) {
        try (GetObjectResponse in = call(key, "could not be read back",
                () -> client.getObject(GetObjectArgs.builder().bucket(bucket).object(object).versionId(versionId)
                        .build()))) {
            String recorded = in.headers().get("x-amz-meta-" + SHA256_METADATA);
            Sha256.Digest digest = Sha256.of(in);
            if (!digest.sha256().equals(sha256) || digest.sizeBytes() != size || !sha256.equals(recorded)) {
                throw failure(key, "version %s reads back with SHA-256 %s (%d bytes, recorded %s) instead of %s (%d bytes)"
                        .formatted(versionId, digest.sha256(), digest.sizeBytes(), recorded, sha256, size), null);
            }
            return new StoredObject(name, key, digest.sha256(), digest.sizeBytes(), clock.instant());
        } catch (MissingObject e) {
            throw failure(key, "version %s is missing right after it was written".formatted(versionId), e);
        } catch (IOException e) {
            throw unreachableOr(key, "could not be read back to the end", e);
        }
    }

    private Optional<StatObjectResponse> stat(String key) {
        String object = objectName(key);
        ensureBucket();
        try {
            return Optional.of(call(key, "could not be looked up",
                    () -> client.statObject(StatObjectArgs.builder().bucket(bucket).object(object).build())));
        } catch (MissingObject e) {
            return Optional.empty();
        }
    }

    /** Checks the bucket once: exists (else created with Object Lock), Object Lock on, versioning enabled. */
    private void ensureBucket() {
        if (bucketChecked) {
            return;
        }
        synchronized (this) {
            if (bucketChecked) {
                return;
            }
            String where = "bucket '%s' at %s (location '%s')".formatted(bucket, endpoint, name);
            try {
                if (!client.bucketExists(BucketExistsArgs.builder().bucket(bucket).build())) {
                    MakeBucketArgs.Builder make = MakeBucketArgs.builder().bucket(bucket).objectLock(true);
                    if (region != null) {
                        make.region(region);
                    }
                    client.makeBucket(make.build());
                    log.info("Created {} with versioning and Object Lock", where);
                }
                try {
                    client.getObjectLockConfiguration(GetObjectLockConfigurationArgs.builder().bucket(bucket).build());
                } catch (MinioException e) {
                    if (S3Calls.NO_OBJECT_LOCK.equals(S3Calls.codeOf(e))) {
                        throw new InvalidStorageConfigurationException(property + ".bucket", ("%s has no Object Lock, "
                                + "so the store would let anyone with the keys delete archived copies; Object Lock can "
                                + "only be chosen when a bucket is created: name a bucket that does not exist yet (the "
                                + "archive creates it with Object Lock) or create one with Object Lock")
                                .formatted(where));
                    }
                    throw e;
                }
                VersioningConfiguration.Status versioning = client.getBucketVersioning(
                        GetBucketVersioningArgs.builder().bucket(bucket).build()).status();
                if (versioning != VersioningConfiguration.Status.ENABLED) {
                    throw new InvalidStorageConfigurationException(property + ".bucket",
                            "%s has versioning %s; Object Lock needs it Enabled".formatted(where, versioning));
                }
            } catch (IOException e) {
                throw new S3UnreachableException("S3 location '%s': %s cannot be reached: %s".formatted(name, where,
                        S3Calls.reason(e)), e);
            } catch (MinioException | GeneralSecurityException e) {
                throw rejected(where, e);
            }
            bucketChecked = true;
        }
    }

    private RuntimeException rejected(String where, Exception e) {
        String code = S3Calls.codeOf(e);
        if ("InvalidAccessKeyId".equals(code)) {
            return new InvalidStorageConfigurationException(property + ".access-key",
                    "the store at %s does not know this access key (%s)".formatted(endpoint, S3Calls.reason(e)));
        }
        if ("SignatureDoesNotMatch".equals(code)) {
            return new InvalidStorageConfigurationException(property + ".secret-key",
                    "the store at %s refuses the secret key (%s)".formatted(endpoint, S3Calls.reason(e)));
        }
        if ("AccessDenied".equals(code)) {
            return new InvalidStorageConfigurationException(property + ".access-key",
                    "the access key may not use %s (%s)".formatted(where, S3Calls.reason(e)));
        }
        return new StorageException("S3 location '%s': %s could not be checked: %s".formatted(name, where,
                S3Calls.reason(e)), e);
    }

    /** Runs a call about one object; "no such key" becomes {@link MissingObject}, anything else a storage error. */
    private <T> T call(String key, String what, S3Calls.Call<T> call) {
        try {
            return call.run();
        } catch (MinioException | IOException | GeneralSecurityException e) {
            if (S3Calls.isMissing(e)) {
                throw new MissingObject();
            }
            throw unreachableOr(key, what, e);
        }
    }

    private StorageException unreachableOr(String key, String what, Exception e) {
        if (S3Calls.isUnreachable(e)) {
            return new S3UnreachableException("Object '%s' in location '%s' %s: %s cannot be reached: %s"
                    .formatted(key, name, what, endpoint, S3Calls.reason(e)), e);
        }
        return failure(key, what + ": " + S3Calls.reason(e), e);
    }

    private String objectName(String key) {
        return prefix + ObjectKeys.requireValid(key);
    }

    private StorageException failure(String key, String what, Throwable cause) {
        return new StorageException("Object '%s' in location '%s' (%s) %s".formatted(key, name,
                "s3://" + bucket + "/" + prefix + key, what), cause);
    }

    private static String contentTypeOf(String key) {
        if (key.endsWith(".pdf")) {
            return "application/pdf";
        }
        if (key.endsWith(".json")) {
            return "application/json";
        }
        return "application/octet-stream";
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** The store answered that there is no such object (or its current version is a delete marker). */
    private static final class MissingObject extends RuntimeException {
        MissingObject() {
            super(null, null, false, false);
        }
    }
}
