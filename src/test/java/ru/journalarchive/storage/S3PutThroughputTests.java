package ru.journalarchive.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import ru.journalarchive.support.MinioServerExtension;

/** Measures puts to a local MinIO (look, upload with retention, read back) of a period's journals; prints the rate. */
class S3PutThroughputTests {

    @RegisterExtension
    static MinioServerExtension minio = new MinioServerExtension();

    @Test
    void twoHundredObjectsOf100KilobytesAreStoredLockedAndAllVerify() {
        byte[] content = new byte[100 * 1024];
        Random random = new Random(42);
        int count = 200;
        LocalDate retainUntil = LocalDate.now().plusYears(5);

        try (S3StorageLocation location = S3StorageLocation.open("archive.storage.locations[0]",
                StorageProperties.Location.s3("s3-a", minio.endpoint(), "throughput", minio.accessKey(),
                        minio.secretKey()), Clock.systemUTC())) {
            location.put("warm/up.pdf", content, retainUntil);
            long start = System.nanoTime();
            for (int i = 0; i < count; i++) {
                random.nextBytes(content);
                location.put(ObjectKeys.classJournalPdf("sosh-7", "2024/2025", "Q2", "c" + (i % 40), 1 + i / 40),
                        content, retainUntil);
            }
            double seconds = (System.nanoTime() - start) / 1e9;

            System.out.printf("S3 put throughput (local MinIO, Object Lock): %d objects of 100 KB in %.2f s = %.0f objects/s, %.1f MB/s%n",
                    count, seconds, count / seconds, count * 100 / 1024.0 / seconds);
            assertThat(location.verify(ObjectKeys.classJournalPdf("sosh-7", "2024/2025", "Q2", "c39", 5)))
                    .get().extracting(StoredObject::sizeBytes).isEqualTo(100L * 1024);
        }
    }
}
