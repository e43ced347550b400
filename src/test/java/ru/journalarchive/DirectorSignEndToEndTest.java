package ru.journalarchive;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;
import ru.journalarchive.registry.ArchivedDocument;
import ru.journalarchive.registry.DocumentQuery;
import ru.journalarchive.registry.DocumentRegistry;
import ru.journalarchive.signing.DirectorSignature;
import ru.journalarchive.storage.StorageLocations;
import ru.journalarchive.support.Cli;
import ru.journalarchive.support.PdfA;
import ru.journalarchive.support.Snapshots;

/**
 * The director signs the archived journals with the embedded default (demo key, built-in TSA): a signed rendition
 * per document in every location, PDF/A-3B still, verifiable, the unsigned rendition untouched, each document
 * signed exactly once even when the run fails halfway and is run again.
 */
@SpringBootTest
@ActiveProfiles("test")
class DirectorSignEndToEndTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    DocumentRegistry registry;
    @Autowired
    StorageLocations locations;
    @Autowired
    DirectorSignature signature;

    @TempDir
    Path tmp;

    Cli cli;

    @BeforeEach
    void cli() {
        cli = new Cli(context);
    }

    @Test
    void everyClosedJournalGetsOneValidSignedRenditionBesideTheUnsignedOne() throws Exception {
        Path snapshot = Snapshots.generate(tmp, "signed", 60, 21L);
        assertThat(cli.run("close", snapshot.toString()).exitCode()).isZero();
        List<ArchivedDocument> before = registry.list(new DocumentQuery("signed", null, null, null));

        Cli.Result result = cli.run("sign", "--school", "signed");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("подписан");
        for (ArchivedDocument unsignedBefore : before) {
            ArchivedDocument document = registry.get(unsignedBefore.id());
            ArchivedDocument.ArchivedObject signed = document.object(ArchivedDocument.ROLE_SIGNED_PDF).orElseThrow();
            ArchivedDocument.ArchivedObject unsigned = document.object(ArchivedDocument.ROLE_PDF).orElseThrow();
            assertThat(unsigned).isEqualTo(unsignedBefore.object(ArchivedDocument.ROLE_PDF).orElseThrow());
            assertThat(signed.replicas()).extracting(ArchivedDocument.Replica::location)
                    .containsExactlyInAnyOrder("site-a", "site-b");
            byte[] a = Files.readAllBytes(Path.of(locations.get("site-a").describe(signed.key())));
            byte[] b = Files.readAllBytes(Path.of(locations.get("site-b").describe(signed.key())));
            byte[] original = Files.readAllBytes(Path.of(locations.get("site-a").describe(unsigned.key())));
            assertThat(a).isEqualTo(b);
            assertThat(Arrays.equals(a, 0, original.length, original, 0, original.length))
                    .as("an incremental update of the unsigned PDF").isTrue();
            assertThat(PdfA.failuresOf3b(a)).isEmpty();
            assertThat(signature.readValid(a)).isPresent();
            assertThat(registry.signature(document.id())).hasValueSatisfying(s -> {
                assertThat(s.signerSubject()).contains("ДЕМО");
                assertThat(s.tsa()).isNotBlank();
            });
        }
        assertThat(cli.run("verify", "--school", "signed").exitCode()).isZero();
        Cli.Result again = cli.run("sign", "--school", "signed");
        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).doesNotContain("— подписан");
    }

    @Test
    void verifySignatureAcceptsTheSignedCopyAndRejectsATamperedOneAndAForeignSigner() throws Exception {
        Path snapshot = Snapshots.generate(tmp, "check-sig", 30, 23L);
        assertThat(cli.run("close", snapshot.toString()).exitCode()).isZero();
        assertThat(cli.run("sign", "--school", "check-sig").exitCode()).isZero();
        ArchivedDocument document = registry.list(new DocumentQuery("check-sig", null, null, null)).get(0);
        Path signed = Path.of(locations.get("site-a").describe(
                document.object(ArchivedDocument.ROLE_SIGNED_PDF).orElseThrow().key()));
        Path unsigned = Path.of(locations.get("site-a").describe(
                document.object(ArchivedDocument.ROLE_PDF).orElseThrow().key()));

        Cli.Result good = cli.run("verify-signature", signed.toString());
        assertThat(good.exitCode()).as(good.out() + good.err()).isZero();
        assertThat(good.out()).contains("действительна").contains("ДЕМО");

        byte[] bytes = Files.readAllBytes(signed);
        bytes[bytes.length / 3] ^= 0x20;
        Path tampered = Files.write(tmp.resolve("tampered.pdf"), bytes);
        Cli.Result bad = cli.run("verify-signature", tampered.toString());
        assertThat(bad.exitCode()).isEqualTo(1);
        assertThat(bad.out()).contains("НЕДЕЙСТВИТЕЛЬНА");

        assertThat(cli.run("verify-signature", unsigned.toString()).exitCode()).isEqualTo(1);

        // A signer from another CA (another demo PKI, not among this archive's trust anchors).
        ru.journalarchive.signing.DemoPki foreign = ru.journalarchive.signing.DemoPki.createOrLoad(tmp.resolve("foreign"),
                "Чужая школа");
        try (var token = foreign.openDirectorToken(); var tsaToken = foreign.openTsaToken()) {
            var tsa = ru.journalarchive.signing.ForeignSigning.tsa(tsaToken);
            try (tsa) {
                byte[] foreignSigned = new ru.journalarchive.signing.PadesSigner(tsa.client())
                        .sign(Files.readAllBytes(unsigned), token, java.time.Instant.now());
                Path foreignFile = Files.write(tmp.resolve("foreign.pdf"), foreignSigned);
                Cli.Result untrusted = cli.run("verify-signature", foreignFile.toString());
                assertThat(untrusted.exitCode()).isEqualTo(1);
                assertThat(untrusted.err()).containsIgnoringCase("довер");
            }
        }
    }

    @Autowired
    ru.journalarchive.signing.SigningTokens signingTokens;

    @Test
    void externalSigningRoundTripKeepsTheKeyOffTheServer() throws Exception {
        Path snapshot = Snapshots.generate(tmp, "external", 30, 24L);
        assertThat(cli.run("close", snapshot.toString()).exitCode()).isZero();
        // The director's certificate and key (here the demo PKCS#12, standing for the director's own token).
        Path p12 = signingTokens.demoPki().orElseThrow().directory().resolve("demo-director.p12");
        Path certificate = tmp.resolve("director.pem");
        try (var token = ru.journalarchive.signing.Pkcs12Token.open(p12, "demo".toCharArray(), null)) {
            Files.writeString(certificate, "-----BEGIN CERTIFICATE-----\n"
                    + java.util.Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(token.certificate().getEncoded())
                    + "\n-----END CERTIFICATE-----\n");
        }
        Path batch = tmp.resolve("batch");

        Cli.Result prepared = cli.run("sign", "prepare", "--out", batch.toString(), "--certificate",
                certificate.toString(), "--school", "external");
        assertThat(prepared.exitCode()).as(prepared.err()).isZero();
        try (var files = Files.list(batch)) {
            assertThat(files.map(f -> f.getFileName().toString())).contains("manifest.json", "README.txt")
                    .anyMatch(f -> f.endsWith(".tbs")).noneMatch(f -> f.endsWith(".pdf"));
        }

        // The director's machine: a separate JVM with no Spring, no database, the secret from the environment.
        ProcessBuilder offline = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "ru.journalarchive.cli.SignOfflineCommand",
                "--in", batch.toString(), "--pkcs12", p12.toString()).redirectErrorStream(true);
        offline.environment().put("ARCHIVE_SIGNING_TOKEN_PKCS12_PASSWORD", "demo");
        Process process = offline.start();
        String offlineOutput = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(offlineOutput).isZero();
        assertThat(offlineOutput).contains("подписан");

        Cli.Result completed = cli.run("sign", "complete", "--in", batch.toString());
        assertThat(completed.exitCode()).as(completed.err()).isZero();
        for (ArchivedDocument document : registry.list(new DocumentQuery("external", null, null, null))) {
            assertThat(document.object(ArchivedDocument.ROLE_SIGNED_PDF)).isPresent();
            assertThat(registry.signature(document.id())).isPresent();
        }
        assertThat(cli.run("verify", "--school", "external").exitCode()).isZero();
        Cli.Result again = cli.run("sign", "complete", "--in", batch.toString());
        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).contains("уже подписан ранее").doesNotContain("— подписан\n");
    }

    @Test
    void aSigningRunThatFailsHalfwayIsFinishedByTheNextRunWithEveryDocumentSignedOnce() throws Exception {
        Path snapshot = Snapshots.generate(tmp, "sign-restart", 90, 22L);
        assertThat(cli.run("close", snapshot.toString()).exitCode()).isZero();
        List<ArchivedDocument> documents = registry.list(new DocumentQuery("sign-restart", null, null, null));
        ArchivedDocument victim = documents.get(1);
        String pdfKey = victim.object(ArchivedDocument.ROLE_PDF).orElseThrow().key();
        String signedKey = pdfKey.substring(0, pdfKey.lastIndexOf('/') + 1) + "class-journal.signed.pdf";
        // Site-b already holds a foreign file where the victim's signed rendition must go: the victim's signed PDF
        // lands in site-a, then site-b refuses, and the run fails for that document.
        Path blocker = Path.of(locations.get("site-b").describe(signedKey));
        Files.createDirectories(blocker.getParent());
        Files.writeString(blocker, "not a signed journal");

        Cli.Result first = cli.run("sign", "--school", "sign-restart");

        assertThat(first.exitCode()).isEqualTo(1);
        assertThat(registry.signature(victim.id())).isEmpty();
        byte[] signedInSiteA = Files.readAllBytes(Path.of(locations.get("site-a").describe(signedKey)));

        Files.delete(blocker);
        Cli.Result second = cli.run("sign", "--school", "sign-restart");

        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(second.out()).contains("проверена и учтена");
        for (ArchivedDocument document : documents) {
            assertThat(registry.get(document.id()).objects()).filteredOn(o -> o.role().equals("signed-pdf")).hasSize(1);
        }
        ArchivedDocument.ArchivedObject adopted = registry.get(victim.id()).object(ArchivedDocument.ROLE_SIGNED_PDF)
                .orElseThrow();
        assertThat(Files.readAllBytes(Path.of(locations.get("site-b").describe(adopted.key()))))
                .as("the signature made by the failed run, not a second one").isEqualTo(signedInSiteA);
        assertThat(cli.run("verify", "--school", "sign-restart").exitCode()).isZero();
    }
}
