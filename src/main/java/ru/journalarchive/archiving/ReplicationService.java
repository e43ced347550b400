package ru.journalarchive.archiving;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import ru.journalarchive.freezing.CanonicalJson;
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

    ReplicationService(DocumentRegistry registry, StorageLocations locations, Tombstones tombstones) {
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
        byte[] bytes = healthySource(missing).orElseThrow(() -> new IllegalStateException(
                "no intact replica of " + missing.key() + " to copy to " + missing.location()));
        StoredObject stored = target.put(missing.key(), bytes, StorageLocation.lockUntil(missing.retainUntil()));
        registry.addReplica(missing.objectId(), new ArchivedDocument.Replica(stored.location(), stored.key(),
                stored.sha256(), stored.verifiedAt(), stored.verifiedAt()));
        log.info("Replicated {} to {}", missing.key(), missing.location());
    }

    private Optional<byte[]> healthySource(DocumentRegistry.MissingReplica missing) {
        for (ArchivedDocument.Replica replica : registry.replicasOf(missing.objectId())) {
            if (locations.all().stream().noneMatch(l -> l.name().equals(replica.location()))) {
                continue;
            }
            StorageLocation source = locations.get(replica.location());
            try (InputStream in = source.open(replica.key())) {
                byte[] bytes = in.readAllBytes();
                if (CanonicalJson.sha256(bytes).equals(missing.sha256())) {
                    return Optional.of(bytes);
                }
                log.warn("Replica {} in {} does not match the registry; not a source", replica.key(), source.name());
            } catch (IOException | RuntimeException e) {
                log.warn("Replica {} in {} cannot be read: {}", replica.key(), source.name(), e.getMessage());
            }
        }
        return Optional.empty();
    }

}
