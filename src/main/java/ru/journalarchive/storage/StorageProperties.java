package ru.journalarchive.storage;

import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The storage locations every archived object is written to ({@code archive.storage.*}). Checked at start-up by
 * {@link StorageLocations#of(StorageProperties)}; a bad value fails the start with the property's name.
 *
 * @param locations     the locations, in the order objects are written; at least one, names unique
 * @param minimumCopies how many locations must hold an object before it counts as archived (1..locations, default 2)
 */
@ConfigurationProperties("archive.storage")
public record StorageProperties(List<Location> locations, @DefaultValue("2") int minimumCopies) {

    /**
     * One storage location. Which fields apply depends on the type; see {@code archive-format/storage-layout.md}.
     * Keep secrets out of files: take {@code access-key} and {@code secret-key} from the environment with
     * placeholders, e.g. {@code secret-key: ${ARCHIVE_S3_SECRET_KEY}} (not with {@code
     * ARCHIVE_STORAGE_LOCATIONS_<i>_SECRETKEY}: Spring replaces a list as a whole).
     *
     * @param name          a short unique name of {@code [a-z0-9-]}, e.g. {@code site-a}; recorded with every replica
     * @param type          {@code filesystem} or {@code s3}
     * @param path          {@code filesystem}: the root directory; created when missing
     * @param endpoint      {@code s3}: the service URL, e.g. {@code https://s3.example.org} or
     *                      {@code http://127.0.0.1:9000}
     * @param bucket        {@code s3}: the bucket; created with Object Lock when missing, refused if it exists
     *                      without Object Lock
     * @param region        {@code s3}: the region, e.g. {@code ru-central1}; optional
     * @param accessKey     {@code s3}: the access key
     * @param secretKey     {@code s3}: the secret key; never logged
     * @param retentionMode {@code s3}: the Object Lock mode of every object, {@code COMPLIANCE} (default: nobody can
     *                      shorten or lift it) or {@code GOVERNANCE} (a user with a special permission can)
     * @param prefix        {@code s3}: an optional key prefix inside the bucket, e.g. {@code journal-archive}
     */
    public record Location(String name, String type, Path path, String endpoint, String bucket, String region,
            String accessKey, String secretKey, String retentionMode, String prefix) {

        @ConstructorBinding
        public Location {
        }

        /** A location configured by name, type and path only (a {@code filesystem} location). */
        public Location(String name, String type, Path path) {
            this(name, type, path, null, null, null, null, null, null, null);
        }

        /** An {@code s3} location. */
        public static Location s3(String name, String endpoint, String bucket, String accessKey, String secretKey) {
            return new Location(name, "s3", null, endpoint, bucket, null, accessKey, secretKey, null, null);
        }

        /** This location with another retention mode. */
        public Location withRetentionMode(String mode) {
            return new Location(name, type, path, endpoint, bucket, region, accessKey, secretKey, mode, prefix);
        }

        /** This location with another key prefix. */
        public Location withPrefix(String keyPrefix) {
            return new Location(name, type, path, endpoint, bucket, region, accessKey, secretKey, retentionMode,
                    keyPrefix);
        }

        /** Like the record's, but the secret key is masked: configuration gets logged. */
        @Override
        public String toString() {
            return "Location[name=%s, type=%s, path=%s, endpoint=%s, bucket=%s, region=%s, accessKey=%s, secretKey=%s, retentionMode=%s, prefix=%s]"
                    .formatted(name, type, path, endpoint, bucket, region, accessKey,
                            secretKey == null ? null : "******", retentionMode, prefix);
        }
    }
}
