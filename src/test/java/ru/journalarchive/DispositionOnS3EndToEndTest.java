package ru.journalarchive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minio.DisableObjectLegalHoldArgs;
import io.minio.EnableObjectLegalHoldArgs;
import io.minio.IsObjectLegalHoldEnabledArgs;
import io.minio.ListObjectsArgs;
import io.minio.RemoveObjectArgs;
import io.minio.Result;
import io.minio.messages.Item;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import ru.journalarchive.disposition.ActStatus;
import ru.journalarchive.disposition.CertificateEntry;
import ru.journalarchive.disposition.DestructionAct;
import ru.journalarchive.disposition.DestructionActs;
import ru.journalarchive.disposition.Disposition;
import ru.journalarchive.registry.ArchivedDocument;
import ru.journalarchive.registry.DocumentQuery;
import ru.journalarchive.registry.DocumentRegistry;
import ru.journalarchive.registry.Tombstones;
import ru.journalarchive.storage.StorageLocations;
import ru.journalarchive.support.Cli;
import ru.journalarchive.support.MinioServerExtension;
import ru.journalarchive.support.Snapshots;

/**
 * Destruction acts with a filesystem and an S3 location on a real MinIO server, by today's real clock: a school of
 * 2019/2020 (eligible since 1 January 2026, so its S3 copies carry no Object Lock date any more) is destroyed to the
 * last S3 version; a copy under an S3 legal hold refuses its document and deletes nothing of it until the hold is
 * lifted; and the act itself, a permanent record, is kept under an S3 legal hold that no hold release lifts.
 */
@SpringBootTest
@ActiveProfiles("test")
class DispositionOnS3EndToEndTest {

    private static final String BUCKET = "journal-archive";

    @RegisterExtension
    static MinioServerExtension minio = new MinioServerExtension();

    @DynamicPropertySource
    static void locations(DynamicPropertyRegistry registry) {
        registry.add("archive.storage.locations[0].name", () -> "site-a");
        registry.add("archive.storage.locations[0].type", () -> "filesystem");
        registry.add("archive.storage.locations[0].path", () -> "target/test-data/s3-act-" + System.nanoTime());
        registry.add("archive.storage.locations[1].name", () -> "cloud");
        registry.add("archive.storage.locations[1].type", () -> "s3");
        registry.add("archive.storage.locations[1].endpoint", minio::endpoint);
        registry.add("archive.storage.locations[1].bucket", () -> BUCKET);
        registry.add("archive.storage.locations[1].access-key", minio::accessKey);
        registry.add("archive.storage.locations[1].secret-key", minio::secretKey);
    }

    @Autowired
    ApplicationContext context;
    @Autowired
    DocumentRegistry registry;
    @Autowired
    StorageLocations locations;
    @Autowired
    DestructionActs acts;
    @Autowired
    Disposition disposition;
    @Autowired
    Tombstones tombstones;

    @TempDir
    Path tmp;

    @Test
    void anExecutedActLeavesNoVersionOfItsObjectsInTheBucketAndACertificateEntryForBothLocations() throws Exception {
        Cli cli = new Cli(context);
        List<ArchivedDocument> closed = closeOldSchool(cli, "s3-old", 61L);
        DestructionAct act = approvedAct(cli, "s3-old");
        assertThat(act.documentIds()).hasSize(closed.size());
        assertThat(versions("s3-old/2019-2020/")).isNotEmpty();

        Cli.Result executed = cli.run("act", "execute", "--act", act.id().toString(), "--by", "Архивист");

        assertThat(executed.exitCode()).as(executed.out() + executed.err()).isZero();
        assertThat(versions("s3-old/2019-2020/")).as("no version and no delete marker left").isEmpty();
        List<CertificateEntry> certificate = disposition.certificate(act.id());
        int objects = closed.stream().mapToInt(d -> d.objects().size()).sum();
        assertThat(certificate).hasSize(objects * 2)
                .extracting(e -> e.objectId() + "@" + e.location()).doesNotHaveDuplicates();
        assertThat(certificate).extracting(CertificateEntry::location).containsOnly("site-a", "cloud");
        assertThat(certificate).filteredOn(e -> e.location().equals("cloud"))
                .allSatisfy(e -> assertThat(e.versions()).isEqualTo(1));
        for (ArchivedDocument d : closed) {
            assertThat(tombstones.of(d.id())).isPresent();
            for (ArchivedDocument.ArchivedObject o : d.objects()) {
                assertThat(Files.exists(Path.of(locations.get("site-a").describe(o.key())))).isFalse();
            }
        }
        assertThat(cli.run("verify").exitCode()).isZero();
    }

    @Test
    void aCopyUnderAnS3LegalHoldRefusesItsDocumentAndDeletesNothingOfItUntilTheHoldIsLifted() throws Exception {
        Cli cli = new Cli(context);
        List<ArchivedDocument> closed = closeOldSchool(cli, "s3-lh", 62L);
        DestructionAct act = approvedAct(cli, "s3-lh");
        ArchivedDocument locked = registry.get(act.documentIds().get(act.documentIds().size() / 2));
        String lockedKey = locked.object(ArchivedDocument.ROLE_SOURCE_JSON).orElseThrow().key();
        minio.client().enableObjectLegalHold(EnableObjectLegalHoldArgs.builder().bucket(BUCKET).object(lockedKey)
                .build());

        Cli.Result refused = cli.run("act", "execute", "--act", act.id().toString(), "--by", "Архивист");

        assertThat(refused.exitCode()).as(refused.out() + refused.err()).isEqualTo(1);
        assertThat(refused.err()).contains("юридическая блокировка").contains(lockedKey).contains("cloud")
                .contains(locked.id().toString()).contains("Ни одна копия этого документа не удалена");
        assertThat(tombstones.of(locked.id())).isEmpty();
        for (ArchivedDocument.ArchivedObject o : locked.objects()) {
            assertThat(Files.exists(Path.of(locations.get("site-a").describe(o.key())))).as(o.key()).isTrue();
            assertThat(versions(o.key())).as(o.key()).hasSize(1);
        }
        assertThat(acts.find(act.id().toString()).status()).isEqualTo(ActStatus.EXECUTING);

        minio.client().disableObjectLegalHold(DisableObjectLegalHoldArgs.builder().bucket(BUCKET).object(lockedKey)
                .build());
        Cli.Result resumed = cli.run("act", "execute", "--act", act.id().toString(), "--by", "Архивист");

        assertThat(resumed.exitCode()).as(resumed.out() + resumed.err()).isZero();
        assertThat(versions("s3-lh/2019-2020/")).isEmpty();
        assertThat(closed).allSatisfy(d -> assertThat(tombstones.of(d.id())).isPresent());
        assertThat(disposition.certificate(act.id()))
                .hasSize(closed.stream().mapToInt(d -> d.objects().size()).sum() * 2);
        assertThat(acts.find(act.id().toString()).status()).isEqualTo(ActStatus.EXECUTED);
    }

    @Test
    void theActAPermanentRecordIsUnderAnS3LegalHoldThatNoHoldReleaseLifts() throws Exception {
        Cli cli = new Cli(context);
        closeOldSchool(cli, "s3-perm", 63L);
        DestructionAct act = approvedAct(cli, "s3-perm");
        ArchivedDocument actDocument = registry.get(act.documentId());
        assertThat(actDocument.retention().eligibleForDestructionFrom()).as("permanent").isNull();
        assertThat(actDocument.objects()).extracting(ArchivedDocument.ArchivedObject::role)
                .contains(ArchivedDocument.ROLE_PDF, ArchivedDocument.ROLE_SIGNED_PDF);
        for (ArchivedDocument.ArchivedObject o : actDocument.objects()) {
            assertThat(legalHold(o.key())).as(o.key()).isTrue();
            String version = versions(o.key()).get(0).versionId();
            assertThatThrownBy(() -> minio.client().removeObject(RemoveObjectArgs.builder().bucket(BUCKET)
                    .object(o.key()).versionId(version).bypassGovernanceMode(true).build()))
                    .as("nobody can delete the act").hasMessageContaining("WORM");
        }

        // A hold over the whole school covers the act too; releasing it lifts the journals' holds, not the act's.
        Cli.Result placed = cli.run("hold", "place", "--scope", "school", "--school", "s3-perm", "--reason",
                "Проверка прокуратуры", "--by", "Директор");
        assertThat(placed.exitCode()).as(placed.err()).isZero();
        String holdId = placed.out().replaceAll("(?s).*Запрет ([0-9a-f-]{36}) установлен.*", "$1");
        String journalKey = registry.get(act.documentIds().get(0)).object(ArchivedDocument.ROLE_PDF).orElseThrow()
                .key();
        assertThat(legalHold(journalKey)).isTrue();
        Cli.Result released = cli.run("hold", "release", "--hold", holdId, "--reason", "Проверка окончена", "--by",
                "Директор");
        assertThat(released.exitCode()).as(released.err()).isZero();

        assertThat(legalHold(journalKey)).isFalse();
        for (ArchivedDocument.ArchivedObject o : actDocument.objects()) {
            assertThat(legalHold(o.key())).as(o.key() + " stays held").isTrue();
        }
        assertThat(cli.run("verify", "--school", "s3-perm").exitCode()).isZero();
    }

    private List<ArchivedDocument> closeOldSchool(Cli cli, String school, long seed) throws Exception {
        Cli.Result closed = cli.run("close", Snapshots.generate(tmp, school, 20, seed, "2019/2020").toString());
        assertThat(closed.exitCode()).as(closed.out() + closed.err()).isZero();
        return registry.list(new DocumentQuery(school, null, null, null));
    }

    /** Drafts, agrees and approves the school's act of this year (the real date). */
    private DestructionAct approvedAct(Cli cli, String school) {
        String year = String.valueOf(LocalDate.now().getYear());
        Cli.Result drafted = cli.run("act", "draft", "--school", school, "--year", year, "--by", "Делопроизводитель");
        assertThat(drafted.exitCode()).as(drafted.out() + drafted.err()).isZero();
        String id = acts.list(school).get(0).id().toString();
        assertThat(cli.run("act", "agree", "--act", id, "--protocol", "2", "--protocol-date",
                LocalDate.now().toString(), "--by", "Председатель ЭК").exitCode()).isZero();
        Cli.Result approved = cli.run("act", "approve", "--act", id, "--by", "Директор");
        assertThat(approved.exitCode()).as(approved.out() + approved.err()).isZero();
        return acts.find(id);
    }

    /** Every version and delete marker in the bucket under a prefix (or exactly a key). */
    private static List<Item> versions(String prefix) throws Exception {
        List<Item> items = new ArrayList<>();
        for (Result<Item> r : minio.client().listObjects(ListObjectsArgs.builder().bucket(BUCKET).prefix(prefix)
                .recursive(true).includeVersions(true).build())) {
            items.add(r.get());
        }
        return items;
    }

    private static boolean legalHold(String key) throws Exception {
        return minio.client().isObjectLegalHoldEnabled(IsObjectLegalHoldEnabledArgs.builder().bucket(BUCKET)
                .object(key).build());
    }
}
