package ru.journalarchive.archiving;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import ru.journalarchive.freezing.CanonicalJson;
import ru.journalarchive.registry.ArchivedDocument;
import ru.journalarchive.storage.StorageLocation;
import ru.journalarchive.storage.StorageLocations;

/**
 * Reads an archived object's bytes from the first of its replicas whose SHA-256 equals the registry's: the one way the
 * archive takes an object's content to work with (sign it, copy it, print it). A replica in a location no longer
 * configured, missing, unreadable or damaged is skipped, with a warning naming its key and location.
 */
@Component
public class VerifiedCopies {

    private static final Logger log = LoggerFactory.getLogger(VerifiedCopies.class);

    private final StorageLocations locations;

    VerifiedCopies(StorageLocations locations) {
        this.locations = locations;
    }

    /** The object's bytes from an intact replica, or empty if none is intact. */
    public Optional<byte[]> read(ArchivedDocument.ArchivedObject object) {
        return read(object.sha256(), object.replicas());
    }

    /** The bytes with this SHA-256 from the first intact one of these replicas, or empty. */
    public Optional<byte[]> read(String sha256, List<ArchivedDocument.Replica> replicas) {
        for (ArchivedDocument.Replica replica : replicas) {
            Optional<StorageLocation> location = locations.all().stream()
                    .filter(l -> l.name().equals(replica.location())).findFirst();
            if (location.isEmpty()) {
                continue;
            }
            try {
                if (!location.get().exists(replica.key())) {
                    log.warn("Replica {} in {} is missing; trying another", replica.key(), replica.location());
                    continue;
                }
                byte[] bytes;
                try (InputStream in = location.get().open(replica.key())) {
                    bytes = in.readAllBytes();
                }
                if (CanonicalJson.sha256(bytes).equals(sha256)) {
                    return Optional.of(bytes);
                }
                log.warn("Replica {} in {} does not match the registry; trying another", replica.key(),
                        replica.location());
            } catch (IOException | RuntimeException e) {
                log.warn("Replica {} in {} cannot be read: {}; trying another", replica.key(), replica.location(),
                        e.getMessage());
            }
        }
        return Optional.empty();
    }
}
