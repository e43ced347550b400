package ru.journalarchive.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Measures durable puts (fsync, publish, read-back) of a period's worth of journals; prints the rate. */
class StoragePutThroughputTests {

    @TempDir
    Path root;

    @Test
    void aThousandObjectsOf100KilobytesAreStoredAndAllVerify() {
        StorageLocation location = new FilesystemStorageLocation("site-a", root, Clock.systemUTC());
        byte[] content = new byte[100 * 1024];
        Random random = new Random(42);
        int count = 1_000;

        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            random.nextBytes(content);
            location.put(ObjectKeys.classJournalPdf("sosh-7", "2024/2025", "Q2", "c" + (i % 40), 1 + i / 40),
                    content);
        }
        double seconds = (System.nanoTime() - start) / 1e9;

        System.out.printf("storage put throughput: %d objects of 100 KB in %.2f s = %.0f objects/s, %.1f MB/s%n",
                count, seconds, count / seconds, count * 100 / 1024.0 / seconds);
        assertThat(location.verify(ObjectKeys.classJournalPdf("sosh-7", "2024/2025", "Q2", "c39", 25)))
                .get().extracting(StoredObject::sizeBytes).isEqualTo(100L * 1024);
    }
}
