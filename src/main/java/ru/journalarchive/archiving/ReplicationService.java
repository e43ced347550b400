package ru.journalarchive.archiving;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import ru.journalarchive.registry.ArchivedDocument;
import ru.journalarchive.registry.DocumentRegistry;
import ru.journalarchive.registry.Tombstones;
import ru.journalarchive.storage.StorageLocation;
import ru.journalarchive.storage.StorageLocations;
import ru.journalarchive.storage.StoredObject;

/**
 * Gives every archived object a verified copy in every configured location: a location added later is backfilled,
 * one that was down catches up. Copies come only from a replica whose bytes match the registry.
 */
@Service
public class ReplicationService {

    private static final Logger log = LoggerFactory.getLogger(ReplicationService.class);

    private final DocumentRegistry registry;
    private final StorageLocations locations;
    private final Tombstones tombstones;
    private final VerifiedCopies copies;

    ReplicationService(DocumentRegistry registry, StorageLocations locations, Tombstones tombstones,
            VerifiedCopies copies) {
        this.copies = copies;
        this.tombstones = tombstones;
        this.registry = registry;
        this.locations = locations;
    }

    /** The copies still to make: every object without a replica in some configured location. */
    public List<DocumentRegistry.MissingReplica> missing() {
        return registry.missingReplicas(locations.all().stream().map(StorageLocation::name).toList());
    }

    /** Makes one missing copy (idempotent: an identical object already at the key is simply registered). */
    public void copy(DocumentRegistry.MissingReplica missing) {
        StorageLocation target = locations.get(missing.location());
        if (tombstones.isObjectRetired(missing.objectId())) {
            return; // an act began destroying it after the work list was read: never copy it back
        }
        byte[] bytes = copies.read(missing.sha256(), registry.replicasOf(missing.objectId())).orElseThrow(() -> new IllegalStateException(
                "no intact replica of " + missing.key() + " to copy to " + missing.location()));
        StoredObject stored = target.put(missing.key(), bytes, StorageLocation.lockUntil(missing.retainUntil()));
        registry.addReplica(missing.objectId(), new ArchivedDocument.Replica(stored.location(), stored.key(),
                stored.sha256(), stored.verifiedAt(), stored.verifiedAt()));
        log.info("Replicated {} to {}", missing.key(), missing.location());
    }

}
