package ru.journalarchive.archiving;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import ru.journalarchive.freezing.CanonicalJson;
import ru.journalarchive.registry.ArchivedDocument;
import ru.journalarchive.registry.DocumentRegistration;
import ru.journalarchive.registry.DocumentRegistry;
import ru.journalarchive.registry.SignatureRegistration;
import java.security.cert.X509Certificate;
import ru.journalarchive.signing.DirectorSignature;
import ru.journalarchive.signing.PreparedSignature;
import ru.journalarchive.signing.SignedPdf;
import ru.journalarchive.signing.StampPlacement;
import ru.journalarchive.storage.StorageLocation;
import ru.journalarchive.storage.StorageLocations;
import ru.journalarchive.storage.StoredObject;

/**
 * Signs one archived document: its verified unsigned PDF gets the director's PAdES signature, and the signed
 * rendition is written to every location and registered; the unsigned rendition stays. Exactly once: a signed
 * rendition already stored (a crash after storing, before registering) is verified and adopted, never signed again.
 */
@Service
public class DocumentSigner {

    private static final Logger log = LoggerFactory.getLogger(DocumentSigner.class);

    private final DocumentRegistry registry;
    private final StorageLocations locations;
    private final DirectorSignature signature;
    private final VerifiedCopies copies;
    private final ApplicationEventPublisher events;

    DocumentSigner(DocumentRegistry registry, StorageLocations locations, DirectorSignature signature,
            ApplicationEventPublisher events, VerifiedCopies copies) {
        this.copies = copies;
        this.registry = registry;
        this.locations = locations;
        this.signature = signature;
        this.events = events;
    }

    /** How signing a document ended. */
    public enum Outcome { SIGNED, ADOPTED, ALREADY_SIGNED }

    /** Signs a document unless it is signed already. */
    public Outcome sign(UUID documentId) {
        ArchivedDocument document = registry.get(documentId);
        Optional<ArchivedDocument.ArchivedObject> signedObject = document.object(ArchivedDocument.ROLE_SIGNED_PDF);
        if (signedObject.isPresent() && everyLocationHolds(signedObject.get())) {
            return published(document, Outcome.ALREADY_SIGNED);
        }
        refuseWithoutMarks(document);
        String key = signedKey(document);
        byte[] unsignedPdf = readVerified(document.object(ArchivedDocument.ROLE_PDF).orElseThrow());
        Outcome outcome = Outcome.ADOPTED;
        SignedPdf signed = storedSignedRendition(key, unsignedPdf).orElse(null);
        if (signed == null) {
            signed = signature.sign(unsignedPdf, placement(document));
            outcome = Outcome.SIGNED;
        }
        archiveSigned(document, key, signed, outcome);
        return published(document, outcome);
    }

    /**
     * The key of a document's signed rendition: beside its unsigned PDF, {@code .pdf} replaced by {@code .signed.pdf}
     * ({@code class-journal.pdf} → {@code class-journal.signed.pdf}), whatever the document type.
     */
    static String signedKey(ArchivedDocument document) {
        String pdfKey = document.object(ArchivedDocument.ROLE_PDF).orElseThrow().key();
        String stem = pdfKey.endsWith(".pdf") ? pdfKey.substring(0, pdfKey.length() - ".pdf".length()) : pdfKey;
        return stem + ".signed.pdf";
    }

    /** A class journal carries the stamp on its title page; every other document at the end of its last page. */
    static StampPlacement placement(ArchivedDocument document) {
        return ClassArchiver.CLASS_JOURNAL.equals(document.documentType()) ? StampPlacement.TITLE_PAGE
                : StampPlacement.LAST_PAGE;
    }

    /** Phase 1 of external signing for a document: its verified unsigned PDF prepared for the given signer. */
    public PreparedSignature prepareExternal(UUID documentId, List<X509Certificate> chain) {
        ArchivedDocument document = registry.get(documentId);
        refuseWithoutMarks(document);
        return signature.prepare(readVerified(document.object(ArchivedDocument.ROLE_PDF).orElseThrow()), chain,
                placement(document));
    }

    /**
     * Phase 3 of external signing: embeds the director's signature value, then stores and registers the signed
     * rendition like {@link #sign(UUID)}; a document signed meanwhile is left as it is.
     */
    public Outcome completeExternal(UUID documentId, PreparedSignature prepared, byte[] signatureValue) {
        ArchivedDocument document = registry.get(documentId);
        Optional<ArchivedDocument.ArchivedObject> signedObject = document.object(ArchivedDocument.ROLE_SIGNED_PDF);
        if (signedObject.isPresent() && everyLocationHolds(signedObject.get())) {
            return published(document, Outcome.ALREADY_SIGNED);
        }
        byte[] unsignedPdf = readVerified(document.object(ArchivedDocument.ROLE_PDF).orElseThrow());
        byte[] prefix = prepared.preparedPdf();
        if (prefix.length < unsignedPdf.length
                || !Arrays.equals(prefix, 0, unsignedPdf.length, unsignedPdf, 0, unsignedPdf.length)) {
            throw new IllegalStateException("the prepared signature of " + documentId + " is not over its archived PDF");
        }
        SignedPdf signed = signature.complete(prepared, signatureValue);
        archiveSigned(document, signedKey(document), signed, Outcome.SIGNED);
        return published(document, Outcome.SIGNED);
    }

    /** A summary statement without marks is never signed (nor archived: {@link SummaryStatementArchiver}). */
    private void refuseWithoutMarks(ArchivedDocument document) {
        if (!SummaryStatementArchiver.SUMMARY_STATEMENT.equals(document.documentType())) {
            return;
        }
        var statement = ru.journalarchive.freezing.SummaryStatements.read(
                readVerified(document.object(ArchivedDocument.ROLE_SOURCE_JSON).orElseThrow()));
        if (statement.subjects().isEmpty() || statement.marks().isEmpty()) {
            throw new IllegalStateException("summary statement " + document.id() + " holds no marks: not signed");
        }
    }

    private void archiveSigned(ArchivedDocument document, String key, SignedPdf signed, Outcome outcome) {
        List<ArchivedDocument.Replica> replicas = new ArrayList<>();
        for (StorageLocation location : locations.all()) {
            StoredObject stored = location.put(key, signed.pdf(),
                    StorageLocation.lockUntil(document.retention().eligibleForDestructionFrom()));
            replicas.add(new ArchivedDocument.Replica(stored.location(), stored.key(), stored.sha256(),
                    stored.verifiedAt(), stored.verifiedAt()));
        }
        registry.registerSignedRendition(new SignatureRegistration(document.id(),
                new DocumentRegistration.ObjectRegistration(ArchivedDocument.ROLE_SIGNED_PDF, key, "application/pdf",
                        CanonicalJson.sha256(signed.pdf()), signed.pdf().length, replicas),
                new SignatureRegistration.SignatureInfo(signed.signerSubject(), signed.certificateSerial(),
                        signed.certificateSha256(), signed.algorithm().name(), signed.signingTime(), signed.tsa())));
        log.info("Document {} ({} {} {}) {}", document.id(), document.schoolId(), document.periodId(),
                document.classId(), outcome);
    }

    /**
     * A signed rendition found at the key in some location (a run that stored it and died before registering): taken
     * when it is a valid signature over exactly this unsigned PDF (an incremental update of its bytes).
     */
    private Optional<SignedPdf> storedSignedRendition(String key, byte[] unsignedPdf) {
        for (StorageLocation location : locations.all()) {
            if (!location.exists(key)) {
                continue;
            }
            byte[] bytes = read(location, key);
            boolean extendsUnsigned = bytes.length > unsignedPdf.length
                    && Arrays.equals(bytes, 0, unsignedPdf.length, unsignedPdf, 0, unsignedPdf.length);
            Optional<SignedPdf> valid = extendsUnsigned ? signature.readValid(bytes) : Optional.empty();
            if (valid.isPresent()) {
                return valid;
            }
            // Not a valid signature of this document: the write-once store will refuse to overwrite it below,
            // and the operator is told which object is in the way.
        }
        return Optional.empty();
    }

    private boolean everyLocationHolds(ArchivedDocument.ArchivedObject object) {
        return locations.all().stream().allMatch(l -> object.replicas().stream().anyMatch(r -> r.location().equals(l.name())));
    }

    private byte[] readVerified(ArchivedDocument.ArchivedObject object) {
        return copies.read(object).orElseThrow(() -> new IllegalStateException("no intact replica of " + object.key()
                + " in any location"));
    }

    private static byte[] read(StorageLocation location, String key) {
        try (InputStream in = location.open(key)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + key + " from " + location.name(), e);
        }
    }

    private Outcome published(ArchivedDocument document, Outcome outcome) {
        events.publishEvent(new DocumentSigned(document.id(), document.className(), document.periodId(), outcome));
        return outcome;
    }

    /** Published when a document's signing ended: progress for the director. */
    public record DocumentSigned(UUID documentId, String className, String periodId, Outcome outcome) {
    }
}
