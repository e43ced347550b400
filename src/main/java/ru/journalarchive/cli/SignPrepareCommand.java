package ru.journalarchive.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import ru.journalarchive.archiving.DocumentSigner;
import ru.journalarchive.freezing.CanonicalJson;
import ru.journalarchive.registry.ArchivedDocument;
import ru.journalarchive.registry.DocumentRegistry;
import ru.journalarchive.signing.PreparedSignature;
import ru.journalarchive.signing.SignatureAlgorithm;

/**
 * {@code sign prepare --out DIR --certificate director.pem [filters]}: phase 1 of external signing. Prepares every
 * unsigned document of the selection for the director's certificate, keeps the prepared PDFs on the server and
 * writes the batch folder the director takes to their own machine (data to sign only, no document content).
 */
@Component
@Scope("prototype") // options must not carry over between runs in one process
@Command(name = "prepare", mixinStandardHelpOptions = true, resourceBundle = "i18n.cli")
class SignPrepareCommand implements Callable<Integer> {

    static final Duration VALIDITY = Duration.ofDays(14);

    @Mixin
    DocumentFilter filter;
    @Option(names = "--out", required = true, descriptionKey = "sign.prepare.out")
    Path out;
    @Option(names = "--certificate", required = true, descriptionKey = "sign.prepare.certificate")
    Path certificate;

    private final DocumentRegistry registry;
    private final DocumentSigner signer;
    private final Messages messages;
    private final PendingSignatures pending;

    SignPrepareCommand(DocumentRegistry registry, DocumentSigner signer, Messages messages, PendingSignatures pending) {
        this.registry = registry;
        this.signer = signer;
        this.messages = messages;
        this.pending = pending;
    }

    @Override
    public Integer call() throws Exception {
        List<X509Certificate> chain = readChain(certificate);
        SignatureAlgorithm algorithm = SignatureAlgorithm.forKey(chain.get(0).getPublicKey());
        if (Files.exists(out) && Files.list(out).findAny().isPresent()) {
            System.err.println(messages.get("sign.prepare.notEmpty", out));
            return 2;
        }
        Instant now = Instant.now();
        String batchId = "sign-" + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(now);
        Path serverSide = Files.createDirectories(pending.batch(batchId));
        Files.createDirectories(out);
        List<ExternalBatch.Entry> entries = new ArrayList<>();
        for (UUID id : registry.unsigned(filter.toQuery())) {
            ArchivedDocument document = registry.get(id);
            PreparedSignature prepared = signer.prepareExternal(id, chain);
            Files.writeString(serverSide.resolve(id + ".json"), prepared.toJson(), StandardCharsets.UTF_8);
            Files.write(out.resolve(id + ".tbs"), prepared.dataToSign());
            entries.add(new ExternalBatch.Entry(id.toString(), messages.get("sign.prepare.title", document.className(),
                    document.academicYear(), document.periodId(), document.schoolId()),
                    document.object(ArchivedDocument.ROLE_PDF).orElseThrow().sha256(), id + ".tbs",
                    CanonicalJson.sha256(prepared.dataToSign()), id + ".sig"));
            System.out.println(messages.get("sign.prepare.line", entries.size(), document.className(), document.periodId()));
        }
        Files.copy(certificate, out.resolve(ExternalBatch.CERTIFICATE));
        new ExternalBatch(ExternalBatch.FORMAT, batchId, now, now.plus(VALIDITY), algorithm.name(),
                CanonicalJson.sha256(chain.get(0).getEncoded()), entries).write(out);
        Files.writeString(out.resolve("README.txt"), messages.get("sign.prepare.readme", entries.size()),
                StandardCharsets.UTF_8);
        Files.writeString(serverSide.resolve(ExternalBatch.MANIFEST), Files.readString(out.resolve(ExternalBatch.MANIFEST)));
        System.out.println(messages.get("sign.prepare.done", entries.size(), out.toAbsolutePath(), batchId));
        return 0;
    }

    static List<X509Certificate> readChain(Path pem) throws IOException {
        try (var in = Files.newInputStream(pem)) {
            List<X509Certificate> chain = CertificateFactory.getInstance("X.509", new org.bouncycastle.jce.provider.BouncyCastleProvider()).generateCertificates(in).stream()
                    .map(X509Certificate.class::cast).toList();
            if (chain.isEmpty()) {
                throw new IllegalArgumentException("no certificate in " + pem);
            }
            return chain;
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalArgumentException("not a certificate file: " + pem + ": " + e.getMessage(), e);
        }
    }
}
