package ru.journalarchive.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;
import ru.journalarchive.registry.ArchivedDocument;
import ru.journalarchive.registry.DocumentRegistry;
import ru.journalarchive.registry.Tombstones;
import ru.journalarchive.storage.ObjectConflictException;
import ru.journalarchive.storage.StorageLocation;
import ru.journalarchive.storage.StorageLocations;
import ru.journalarchive.storage.StoredObject;

/**
 * Rebuilds a lost storage location from a bag: every payload object the registry knows is checked against the
 * registry's SHA-256, put at its key (write-once put: identical bytes already there are left as they are) with its
 * retention date, and registered as a verified replica in that location.
 */
@Service
public class BackupRestorer {

    private final DocumentRegistry registry;
    private final Tombstones tombstones;
    private final StorageLocations locations;
    private final Clock clock;

    @Autowired
    BackupRestorer(DocumentRegistry registry, Tombstones tombstones, StorageLocations locations) {
        this(registry, tombstones, locations, Clock.systemUTC());
    }

    BackupRestorer(DocumentRegistry registry, Tombstones tombstones, StorageLocations locations, Clock clock) {
        this.registry = registry;
        this.tombstones = tombstones;
        this.locations = locations;
        this.clock = clock;
    }

    /**
     * Restores the bag's objects into the named location.
     *
     * @throws BackupException {@code unknownLocation} or {@code notABag}
     */
    public RestoreResult restore(Path bag, String locationName) {
        StorageLocation location = locations.all().stream().filter(l -> l.name().equals(locationName)).findFirst()
                .orElseThrow(() -> new BackupException("unknownLocation", locationName,
                        String.join(", ", locations.all().stream().map(StorageLocation::name).toList())));
        Path root = bag.toAbsolutePath().normalize();
        Map<String, String> manifest = BagChecker.payloadManifest(root);
        String prefix = BagFiles.DATA + "/";
        RegistryIndex index = RegistryIndex.ofKeys(registry, tombstones,
                manifest.keySet().stream().map(p -> p.substring(prefix.length())).toList());
        int restored = 0;
        int present = 0;
        List<String> unknown = new ArrayList<>();
        List<RestoreResult.Destroyed> destroyed = new ArrayList<>();
        List<String> damaged = new ArrayList<>();
        List<String> conflicts = new ArrayList<>();
        for (String path : manifest.keySet()) {
            String key = path.substring(prefix.length());
            Optional<RegistryIndex.Entry> entry = index.get(key);
            Optional<Tombstones.Tombstone> tombstone = index.destroyed(key);
            if (tombstone.isPresent()) {
                // A destroyed record is never brought back: its act was executed, its copies are gone for good.
                destroyed.add(new RestoreResult.Destroyed(path, tombstone.get().actNumber(),
                        tombstone.get().destroyedAt()));
                continue;
            }
            if (entry.isEmpty()) {
                unknown.add(path);
                continue;
            }
            ArchivedDocument.ArchivedObject object = entry.get().object();
            Path file = root.resolve(path);
            byte[] content;
            try {
                content = Files.isRegularFile(file) ? Files.readAllBytes(file) : null;
            } catch (IOException e) {
                content = null;
            }
            if (content == null || !BagFiles.sha256(content).equals(object.sha256())) {
                damaged.add(path);
                continue;
            }
            boolean existed = location.exists(key);
            StoredObject stored;
            try {
                stored = location.put(key, content,
                        StorageLocation.lockUntil(entry.get().document().retention().eligibleForDestructionFrom()));
            } catch (ObjectConflictException e) {
                conflicts.add(key);
                continue;
            }
            Instant now = clock.instant();
            registry.addReplica(object.id(),
                    new ArchivedDocument.Replica(location.name(), key, stored.sha256(), now, stored.verifiedAt()));
            if (existed) {
                present++;
            } else {
                restored++;
            }
        }
        return new RestoreResult(location.name(), restored, present, List.copyOf(unknown), List.copyOf(damaged),
                List.copyOf(conflicts), List.copyOf(destroyed));
    }
}
