package ru.journalarchive.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.minio.PutObjectArgs;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import ru.journalarchive.support.MinioServerExtension;

/**
 * An S3 location lists every key under its prefix page by page (ListObjectsV2 with continuation), past S3's 1,000
 * keys per page, against a real MinIO; a store that does not answer is a fault, not an error at opening.
 */
class S3ListingTests {

    @RegisterExtension
    static MinioServerExtension minio = new MinioServerExtension();

    private static final int KEYS = 1_005;

    @Test
    void moreKeysThanOnePageHoldsAreAllListedOnceWithThePrefixStripped() throws Exception {
        S3StorageLocation location = S3StorageLocation.open("archive.storage.locations[0]",
                StorageProperties.Location.s3("s3-a", minio.endpoint(), "listing", minio.accessKey(),
                        minio.secretKey()).withPrefix("archive"), Clock.systemUTC());
        try (location) {
            location.put("registry/identity.json", new byte[] {1}); // creates the bucket, as the archive does
            Set<String> expected = new HashSet<>(putRaw("archive/", KEYS));
            expected.add("registry/identity.json");
            putRaw("elsewhere/", 3); // another prefix of the bucket: not this location's

            try (Stream<String> keys = location.list()) {
                List<String> listed = keys.toList();
                assertThat(listed).hasSize(expected.size()).doesNotHaveDuplicates();
                assertThat(new HashSet<>(listed)).isEqualTo(expected);
            }
            location.listPageSize(100);
            try (Stream<String> keys = location.list()) {
                assertThat(new HashSet<>(keys.toList())).isEqualTo(expected);
            }
            assertThat(location.check()).isEmpty();
        }
    }

    @Test
    void anUnreachableStoreOpensAndIsReportedAsAFault() {
        try (S3StorageLocation location = S3StorageLocation.open("archive.storage.locations[0]",
                StorageProperties.Location.s3("s3-b", "http://127.0.0.1:9", "nowhere", "key", "secret"),
                Clock.systemUTC())) {
            assertThat(location.check()).get().extracting(StorageFault::kind)
                    .isEqualTo(StorageFault.Kind.UNREACHABLE);
        }
    }

    /** Writes {@code n} tiny objects straight into the bucket (no read-back), eight at a time; returns their keys. */
    private static List<String> putRaw(String prefix, int n) throws Exception {
        List<String> keys = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> puts = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String key = "sosh-7/2024-2025/Q2/c%04d/class-journal/v1/class-journal.json".formatted(i);
                keys.add(key);
                puts.add(pool.submit(() -> minio.client().putObject(PutObjectArgs.builder().bucket("listing")
                        .object(prefix + key).stream(new ByteArrayInputStream(new byte[] {2}), 1, -1).build())));
            }
            for (Future<?> put : puts) {
                put.get();
            }
        } finally {
            pool.shutdown();
        }
        return keys;
    }
}
