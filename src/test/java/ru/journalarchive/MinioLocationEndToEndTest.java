package ru.journalarchive;

import static org.assertj.core.api.Assertions.assertThat;

import io.minio.GetObjectRetentionArgs;
import io.minio.RemoveObjectArgs;
import io.minio.StatObjectArgs;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import ru.journalarchive.freezing.CanonicalJson;
import ru.journalarchive.registry.ArchivedDocument;
import ru.journalarchive.registry.DocumentQuery;
import ru.journalarchive.registry.DocumentRegistry;
import ru.journalarchive.storage.StorageLocations;
import ru.journalarchive.support.Cli;
import ru.journalarchive.support.MinioServerExtension;
import ru.journalarchive.support.Snapshots;

/**
 * The archive with one filesystem location and one S3 location on a real MinIO server: a close and a signing write
 * every object to both, the S3 copies are locked (COMPLIANCE) until the record's destruction-eligible date, MinIO
 * refuses to delete them, and {@code verify} re-hashes both.
 */
@SpringBootTest
@ActiveProfiles("test")
class MinioLocationEndToEndTest {

    @RegisterExtension
    static MinioServerExtension minio = new MinioServerExtension();

    @DynamicPropertySource
    static void locations(DynamicPropertyRegistry registry) {
        registry.add("archive.storage.locations[0].name", () -> "site-a");
        registry.add("archive.storage.locations[0].type", () -> "filesystem");
        registry.add("archive.storage.locations[0].path", () -> "target/test-data/minio-e2e-" + System.nanoTime());
        registry.add("archive.storage.locations[1].name", () -> "cloud");
        registry.add("archive.storage.locations[1].type", () -> "s3");
        registry.add("archive.storage.locations[1].endpoint", minio::endpoint);
        registry.add("archive.storage.locations[1].bucket", () -> "journal-archive");
        registry.add("archive.storage.locations[1].access-key", minio::accessKey);
        registry.add("archive.storage.locations[1].secret-key", minio::secretKey);
    }

    @Autowired
    ApplicationContext context;
    @Autowired
    DocumentRegistry registry;
    @Autowired
    StorageLocations locations;

    @TempDir
    Path tmp;

    @Test
    void theAuditFindsADeletedAndADamagedS3ReplicaAndRepairsBothFromTheFilesystemCopy() throws Exception {
        Cli cli = new Cli(context);
        assertThat(cli.run("close", Snapshots.generate(tmp, "s3-audit", 30, 42L).toString()).exitCode()).isZero();
        List<ArchivedDocument> documents = registry.list(new DocumentQuery("s3-audit", null, null, null));
        String deletedKey = documents.get(0).object(ArchivedDocument.ROLE_PDF).orElseThrow().key();
        String damagedKey = documents.get(0).object(ArchivedDocument.ROLE_SOURCE_JSON).orElseThrow().key();
        byte[] good;
        try (InputStream in = locations.get("cloud").open(damagedKey)) {
            good = in.readAllBytes();
        }
        // A delete marker hides the locked version; a foreign newer version carries one flipped byte.
        minio.client().removeObject(RemoveObjectArgs.builder().bucket("journal-archive").object(deletedKey).build());
        byte[] flipped = good.clone();
        flipped[flipped.length / 2] ^= 0x01;
        minio.client().putObject(io.minio.PutObjectArgs.builder().bucket("journal-archive").object(damagedKey)
                .stream(new java.io.ByteArrayInputStream(flipped), flipped.length, -1).build());
        assertThat(cli.run("verify", "--school", "s3-audit").exitCode()).isEqualTo(1);

        Cli.Result audit = cli.run("audit", "--full");

        assertThat(audit.exitCode()).as(audit.out() + audit.err()).isZero();
        for (String key : List.of(deletedKey, damagedKey)) {
            try (InputStream in = locations.get("cloud").open(key)) {
                byte[] now = in.readAllBytes();
                try (InputStream fs = locations.get("site-a").open(key)) {
                    assertThat(now).as(key).isEqualTo(fs.readAllBytes());
                }
            }
        }
        Cli.Result report = cli.run("storage-report");
        assertThat(report.exitCode()).as(report.out() + report.err()).isZero();
        assertThat(report.out()).contains("cloud");
        assertThat(cli.run("verify", "--school", "s3-audit").exitCode()).isZero();
    }

    @Test
    void closedAndSignedJournalsAreLockedInS3UntilTheyMayBeDestroyed() throws Exception {
        Cli cli = new Cli(context);
        assertThat(cli.run("close", Snapshots.generate(tmp, "s3-school", 30, 41L).toString()).exitCode()).isZero();
        assertThat(cli.run("sign", "--school", "s3-school").exitCode()).isZero();

        for (ArchivedDocument document : registry.list(new DocumentQuery("s3-school", null, null, null))) {
            assertThat(document.objects()).hasSize(3).allSatisfy(o -> assertThat(o.replicas())
                    .extracting(ArchivedDocument.Replica::location).containsExactlyInAnyOrder("site-a", "cloud"));
            for (ArchivedDocument.ArchivedObject object : document.objects()) {
                try (InputStream in = locations.get("cloud").open(object.key())) {
                    assertThat(CanonicalJson.sha256(in.readAllBytes())).isEqualTo(object.sha256());
                }
                var retention = minio.client().getObjectRetention(GetObjectRetentionArgs.builder()
                        .bucket("journal-archive").object(object.key()).build());
                assertThat(retention.mode().name()).isEqualTo("COMPLIANCE");
                assertThat(retention.retainUntilDate().withZoneSameInstant(ZoneOffset.UTC).toLocalDate())
                        .isEqualTo(LocalDate.of(2031, 1, 1));
            }
        }
        ArchivedDocument first = registry.list(new DocumentQuery("s3-school", null, null, null)).get(0);
        String key = first.object(ArchivedDocument.ROLE_PDF).orElseThrow().key();
        String version = minio.client().statObject(StatObjectArgs.builder().bucket("journal-archive").object(key)
                .build()).versionId();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> minio.client().removeObject(RemoveObjectArgs.builder()
                        .bucket("journal-archive").object(key).versionId(version).bypassGovernanceMode(true).build()))
                .hasMessageContaining("WORM");
        assertThat(cli.run("verify", "--school", "s3-school").exitCode()).isZero();
    }

    @Test
    void aHoldOnAClassPutsALegalHoldOnEveryS3ReplicaOfItsDocumentsAndItsReleaseLiftsIt() throws Exception {
        Cli cli = new Cli(context);
        assertThat(cli.run("close", Snapshots.generate(tmp, "s3-hold", 30, 43L).toString()).exitCode()).isZero();
        List<ArchivedDocument> documents = registry.list(new DocumentQuery("s3-hold", null, null, null));
        ArchivedDocument held = documents.get(0);

        Cli.Result placed = cli.run("hold", "place", "--scope", "class", "--school", "s3-hold", "--year", "2024/2025",
                "--class", held.classId(), "--reason", "Судебный спор", "--by", "Директор");

        assertThat(placed.exitCode()).as(placed.err()).isZero();
        for (ArchivedDocument document : documents) {
            boolean covered = document.classId().equals(held.classId());
            for (ArchivedDocument.ArchivedObject object : document.objects()) {
                assertThat(legalHold(object.key())).as(object.key()).isEqualTo(covered);
            }
        }
        String holdId = placed.out().replaceAll("(?s).*Запрет ([0-9a-f-]{36}) установлен.*", "$1");
        assertThat(cli.run("hold", "release", "--hold", holdId, "--reason", "Спор урегулирован").exitCode()).isZero();
        for (ArchivedDocument.ArchivedObject object : held.objects()) {
            assertThat(legalHold(object.key())).as(object.key()).isFalse();
        }
    }

    private boolean legalHold(String key) throws Exception {
        return minio.client().isObjectLegalHoldEnabled(io.minio.IsObjectLegalHoldEnabledArgs.builder()
                .bucket("journal-archive").object(key).build());
    }
}
