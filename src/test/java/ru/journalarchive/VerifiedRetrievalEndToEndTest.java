package ru.journalarchive;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;
import ru.journalarchive.accesslog.AccessAction;
import ru.journalarchive.accesslog.AccessLog;
import ru.journalarchive.accesslog.AccessLogEntry;
import ru.journalarchive.freezing.CanonicalJson;
import ru.journalarchive.registry.ArchivedDocument;
import ru.journalarchive.registry.DocumentQuery;
import ru.journalarchive.registry.DocumentRegistry;
import ru.journalarchive.storage.StorageLocations;
import ru.journalarchive.support.Cli;
import ru.journalarchive.support.Snapshots;

/**
 * Retrieval end to end through the real CLI on two real filesystem locations: a damaged copy (a flipped byte on
 * disk) is named and skipped and the file handed out is byte for byte the registered one; with every copy damaged
 * nothing is handed out; every retrieval is in the access log with who, what and why.
 */
@SpringBootTest
@ActiveProfiles("test")
// A context (database and locations) of its own: it leaves documents with no intact copy, which must not reach tests that audit or export everything
@TestPropertySource(properties = "test.context=verified-retrieval")
class VerifiedRetrievalEndToEndTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    DocumentRegistry registry;
    @Autowired
    StorageLocations locations;
    @Autowired
    AccessLog accessLog;

    @TempDir
    Path tmp;

    Cli cli;

    @BeforeEach
    void cli() {
        cli = new Cli(context);
    }

    private ArchivedDocument closedJournal(String schoolId) throws Exception {
        Path snapshot = Snapshots.generate(tmp, schoolId, 40, 3L);
        assertThat(cli.run("close", snapshot.toString()).exitCode()).isZero();
        return registry.list(new DocumentQuery(schoolId, null, null, null)).get(0);
    }

    private Path onDisk(String location, ArchivedDocument.ArchivedObject object) {
        return Path.of(locations.get(location).describe(object.key()));
    }

    private static void flipAByte(Path file) throws Exception {
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x01;
        Files.write(file, bytes);
    }

    @Test
    void aDamagedCopyIsSkippedAndTheFileComesFromTheOtherLocationIdenticalToTheRegisteredBytes() throws Exception {
        ArchivedDocument document = closedJournal("retrieve-one");
        ArchivedDocument.ArchivedObject pdf = document.object(ArchivedDocument.ROLE_PDF).orElseThrow();
        flipAByte(onDisk("site-a", pdf));
        Path out = tmp.resolve("выдача").resolve("journal.pdf");
        Files.createDirectories(out.getParent());

        Cli.Result result = cli.run("retrieve", "--document", document.id().toString(), "--out", out.toString(),
                "--purpose", "выписка по заявлению № 17", "--by", "Архивариус Тестова", "--requester", "бывший ученик");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.err()).contains("site-a").contains("повреждена");
        assertThat(result.out()).contains("site-b");
        byte[] handedOut = Files.readAllBytes(out);
        assertThat(CanonicalJson.sha256(handedOut)).isEqualTo(pdf.sha256());
        assertThat(handedOut).isEqualTo(Files.readAllBytes(onDisk("site-b", pdf)));
        assertThat(filesIn(out.getParent())).containsExactly("journal.pdf");

        AccessLogEntry last = last();
        assertThat(last.entry().action()).isEqualTo(AccessAction.RETRIEVE);
        assertThat(last.entry().documentId()).isEqualTo(document.id());
        assertThat(last.entry().actor()).isEqualTo("Архивариус Тестова");
        assertThat(last.entry().purpose()).isEqualTo("выписка по заявлению № 17");
        assertThat(last.entry().requester()).isEqualTo("бывший ученик");
        assertThat(last.entry().detail()).contains("role=pdf").contains("location=site-b");
    }

    @Test
    void aMissingCopyIsSkippedTooAndTheSourceJsonCanBeRetrieved() throws Exception {
        ArchivedDocument document = closedJournal("retrieve-json");
        ArchivedDocument.ArchivedObject json = document.object(ArchivedDocument.ROLE_SOURCE_JSON).orElseThrow();
        Files.delete(onDisk("site-a", json));
        Path out = tmp.resolve("journal.json");

        Cli.Result result = cli.run("retrieve", "--document", document.id().toString(), "--role", "source-json",
                "--out", out.toString(), "--purpose", "проверка", "--by", "Архивариус");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.err()).contains("site-a").contains("отсутствует");
        assertThat(CanonicalJson.sha256(Files.readAllBytes(out))).isEqualTo(json.sha256());
    }

    @Test
    void withEveryCopyDamagedNothingIsHandedOutAndTheFailureIsLogged() throws Exception {
        ArchivedDocument document = closedJournal("retrieve-none");
        ArchivedDocument.ArchivedObject pdf = document.object(ArchivedDocument.ROLE_PDF).orElseThrow();
        flipAByte(onDisk("site-a", pdf));
        flipAByte(onDisk("site-b", pdf));
        Path dir = Files.createDirectories(tmp.resolve("empty"));
        Path out = dir.resolve("journal.pdf");

        Cli.Result result = cli.run("retrieve", "--document", document.id().toString(), "--out", out.toString(),
                "--purpose", "выписка", "--by", "Архивариус");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("site-a").contains("site-b").contains("файл не выдан");
        assertThat(out).doesNotExist();
        assertThat(filesIn(dir)).isEmpty();
        assertThat(last().entry().action()).isEqualTo(AccessAction.RETRIEVE_FAILED);
        assertThat(last().entry().documentId()).isEqualTo(document.id());
    }

    @Test
    void aRetrievalWithoutPurposeOrStaffMemberOrOntoAnExistingFileIsRefusedAndWritesNothing() throws Exception {
        ArchivedDocument document = closedJournal("retrieve-bad");
        Path out = tmp.resolve("x.pdf");
        int logged = accessLog.list(null, null).size();

        Cli.Result noPurpose = cli.run("retrieve", "--document", document.id().toString(), "--out", out.toString(),
                "--by", "Архивариус");
        Cli.Result noBy = cli.run("retrieve", "--document", document.id().toString(), "--out", out.toString(),
                "--purpose", "выписка");
        Cli.Result badId = cli.run("retrieve", "--document", "12", "--out", out.toString(), "--purpose", "в",
                "--by", "А");
        Cli.Result badRole = cli.run("retrieve", "--document", document.id().toString(), "--role", "docx", "--out",
                out.toString(), "--purpose", "в", "--by", "А");
        Files.writeString(out, "already here");
        Cli.Result exists = cli.run("retrieve", "--document", document.id().toString(), "--out", out.toString(),
                "--purpose", "в", "--by", "А");

        assertThat(List.of(noPurpose, noBy, badId, badRole, exists)).allSatisfy(r -> assertThat(r.exitCode())
                .isEqualTo(2));
        assertThat(noPurpose.err()).contains("--purpose");
        assertThat(noBy.err()).contains("--by");
        assertThat(badId.err()).contains("--document");
        assertThat(badRole.err()).contains("--role");
        assertThat(exists.err()).contains("--out").contains("уже существует");
        assertThat(Files.readString(out)).isEqualTo("already here");
        assertThat(accessLog.list(null, null)).hasSize(logged);
    }

    private AccessLogEntry last() {
        List<AccessLogEntry> entries = accessLog.list(null, null);
        return entries.get(entries.size() - 1);
    }

    private static List<String> filesIn(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
