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

    ReplicaVerification(DocumentRegistry registry, StorageLocations locations) {
        this.registry = registry;
        this.locations = locations;
    }

    /** Verifies the replicas of every document matching the query. */
    public VerificationReport verify(DocumentQuery query) {
        List<VerificationReport.Problem> problems = new ArrayList<>();
        AtomicLong replicas = new AtomicLong();
        AtomicLong bytes = new AtomicLong();
        List<ArchivedDocument> documents = registry.list(query);
        for (ArchivedDocument document : documents) {
            for (ArchivedDocument.ArchivedObject object : document.objects()) {
                for (ArchivedDocument.Replica replica : object.replicas()) {
                    replicas.incrementAndGet();
                    Optional<StorageLocation> location = locations.all().stream()
                            .filter(l -> l.name().equals(replica.location())).findFirst();
                    if (location.isEmpty()) {
                        problems.add(new VerificationReport.Problem(VerificationReport.Kind.LOCATION_UNKNOWN,
                                document, object, replica, null));
                        continue;
                    }
                    Optional<StoredObject> actual = location.get().verify(replica.key());
                    if (actual.isEmpty()) {
                        problems.add(new VerificationReport.Problem(VerificationReport.Kind.MISSING, document, object,
                                replica, null));
                    } else if (!actual.get().sha256().equals(object.sha256())) {
                        problems.add(new VerificationReport.Problem(VerificationReport.Kind.DIFFERS, document, object,
                                replica, actual.get().sha256()));
                    } else {
                        bytes.addAndGet(actual.get().sizeBytes());
                        registry.recordVerified(object.id(), replica.location(), Instant.now());
                    }
                }
            }
        }
        return new VerificationReport(documents.size(), replicas.get(), bytes.get(), problems);
    }
}
