package ru.journalarchive.archiving;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Service;
import ru.journalarchive.registry.ArchivedDocument;
import ru.journalarchive.registry.DocumentQuery;
import ru.journalarchive.registry.DocumentRegistry;
import ru.journalarchive.signing.DirectorSignature;
import ru.journalarchive.signing.SignatureReport;
import ru.journalarchive.storage.StorageLocation;
import ru.journalarchive.storage.StorageLocations;
import ru.journalarchive.storage.StoredObject;

/**
 * Re-hashes every registered replica in its location and compares it with the registry; a replica that is
 * missing, differs, or whose location is no longer configured is reported, an intact one gets a new verification time.
 */
@Service
public class ReplicaVerification {

    private final DocumentRegistry registry;
    private final StorageLocations locations;
    private final DirectorSignature signature;

    ReplicaVerification(DocumentRegistry registry, StorageLocations locations, DirectorSignature signature) {
        this.registry = registry;
        this.locations = locations;
        this.signature = signature;
    }

    /** Verifies the replicas of every document matching the query. */
    public VerificationReport verify(DocumentQuery query) {
        List<VerificationReport.Problem> problems = new ArrayList<>();
        AtomicLong replicas = new AtomicLong();
        AtomicLong bytes = new AtomicLong();
        AtomicLong signatures = new AtomicLong();
        List<ArchivedDocument> documents = registry.list(query);
        for (ArchivedDocument document : documents) {
            for (ArchivedDocument.ArchivedObject object : document.objects()) {
                for (StorageLocation configured : locations.all()) {
                    if (object.replicas().stream().noneMatch(r -> r.location().equals(configured.name()))) {
                        // A configured location that never received a copy (added later, or down during the close).
                        problems.add(new VerificationReport.Problem(VerificationReport.Kind.NOT_COPIED, document,
                                object, new ArchivedDocument.Replica(configured.name(), object.key(), object.sha256(),
                                        null, null), null));
                    }
                }
                boolean signatureChecked = false;
                for (ArchivedDocument.Replica replica : object.replicas()) {
                    replicas.incrementAndGet();
                    Optional<StorageLocation> location = locations.all().stream()
                            .filter(l -> l.name().equals(replica.location())).findFirst();
                    if (location.isEmpty()) {
                        problems.add(new VerificationReport.Problem(VerificationReport.Kind.LOCATION_UNKNOWN,
                                document, object, replica, null));
                        continue;
                    }
                    Optional<StoredObject> actual;
                    try {
                        actual = location.get().verify(replica.key());
                    } catch (RuntimeException unreadable) {
                        // An unreachable store or an unreadable file is reported like damage; the rest is checked.
                        problems.add(new VerificationReport.Problem(VerificationReport.Kind.UNREADABLE, document,
                                object, replica, null, List.of(String.valueOf(unreadable.getMessage()))));
                        continue;
                    }
                    if (actual.isEmpty()) {
                        problems.add(new VerificationReport.Problem(VerificationReport.Kind.MISSING, document, object,
                                replica, null));
                    } else if (!actual.get().sha256().equals(object.sha256())) {
                        problems.add(new VerificationReport.Problem(VerificationReport.Kind.DIFFERS, document, object,
                                replica, actual.get().sha256()));
                    } else {
                        bytes.addAndGet(actual.get().sizeBytes());
                        registry.recordVerified(object.id(), replica.location(), Instant.now());
                        if (object.role().equals(ArchivedDocument.ROLE_SIGNED_PDF) && !signatureChecked) {
                            // The bytes are the registered ones; check the signature they carry, once per document.
                            signatureChecked = true;
                            signatures.incrementAndGet();
                            SignatureReport report = signature.verify(read(location.get(), replica.key()));
                            if (!report.valid()) {
                                problems.add(new VerificationReport.Problem(VerificationReport.Kind.SIGNATURE_INVALID,
                                        document, object, replica, null, report.problems()));
                            }
                        }
                    }
                }
            }
        }
        return new VerificationReport(documents.size(), replicas.get(), bytes.get(), (int) signatures.get(), problems);
    }

    private static byte[] read(StorageLocation location, String key) {
        try (java.io.InputStream in = location.open(key)) {
            return in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read " + key + " from " + location.name(), e);
        }
    }
}
