package ru.journalarchive.audit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import ru.journalarchive.registry.PendingWrites;
import ru.journalarchive.storage.StorageFault;
import ru.journalarchive.storage.StorageLocation;
import ru.journalarchive.storage.StorageLocations;

/**
 * Lists every storage location and finds the objects the registry cannot explain: a key no registered object names
 * (an orphan), a key a close wrote but has not registered yet (an unfinished close: its rerun registers it), a key of
 * a document destroyed under an act that is stored again. Keys under {@code registry/} belong to the registry journal
 * and are never findings. The listing is streamed and looked up in batches, so memory stays bounded; at most {@link
 * #MAX_SHOWN} findings per location are kept (all are counted). A location that cannot be used or listed is reported
 * with its fault and the others are scanned.
 */
@Service
public class OrphanScan {

    /** Keys under this prefix are the registry journal's, not archived objects. */
    public static final String REGISTRY_PREFIX = "registry/";
    /** Findings kept per location for the report (all are counted). */
    public static final int MAX_SHOWN = 1000;
    private static final int BATCH = 1000;
    private static final Logger log = LoggerFactory.getLogger(OrphanScan.class);

    private final StorageLocations locations;
    private final JdbcClient jdbc;
    private final PendingWrites pending;

    OrphanScan(StorageLocations locations, JdbcClient jdbc, PendingWrites pending) {
        this.locations = locations;
        this.jdbc = jdbc;
        this.pending = pending;
    }

    /** What a key in a location is, when the registry cannot explain it. */
    public enum Kind {
        /** No registered object has this key. */
        ORPHAN,
        /** A close wrote it and failed before registering it: the close's rerun registers it. */
        UNFINISHED_CLOSE,
        /** Its document was destroyed under an act, yet the key holds an object again. */
        DESTROYED_STILL_STORED
    }

    /**
     * One unexplained key.
     *
     * @param className  for {@link Kind#UNFINISHED_CLOSE}: the class's name, e.g. «5А»; else null
     * @param periodName for {@link Kind#UNFINISHED_CLOSE}: the period's name, e.g. «2 четверть»; else null
     */
    public record Finding(String location, String key, Kind kind, String className, String periodName) {
    }

    /**
     * The scan of one location: how many keys were listed, the findings (at most {@link #MAX_SHOWN}) and their counts
     * by kind, or the fault that kept it from being listed.
     */
    public record LocationScan(String location, String description, long listed, List<Finding> findings,
                               Map<Kind, Long> counts, StorageFault fault) {

        /** Whether the location holds anything unexplained or could not be scanned. */
        public boolean problem() {
            return fault != null || counts.values().stream().anyMatch(n -> n > 0);
        }

        /** How many findings of the kind. */
        public long count(Kind kind) {
            return counts.getOrDefault(kind, 0L);
        }
    }

    /** Scans every configured location, in configured order. */
    public List<LocationScan> scan() {
        return locations.all().stream().map(this::scan).toList();
    }

    /** Scans one location. */
    public LocationScan scan(StorageLocation location) {
        Optional<StorageFault> fault = location.check();
        if (fault.isPresent()) {
            return new LocationScan(location.name(), location.description(), 0, List.of(), Map.of(), fault.get());
        }
        Map<Kind, Long> counts = new HashMap<>();
        List<Finding> findings = new ArrayList<>();
        long listed = 0;
        try (Stream<String> keys = location.list()) {
            List<String> batch = new ArrayList<>(BATCH);
            for (Iterator<String> it = keys.iterator(); it.hasNext(); ) {
                String key = it.next();
                listed++;
                if (key.startsWith(REGISTRY_PREFIX)) {
                    continue;
                }
                batch.add(key);
                if (batch.size() == BATCH) {
                    classify(location.name(), batch, findings, counts);
                    batch.clear();
                }
            }
            classify(location.name(), batch, findings, counts);
        } catch (RuntimeException e) {
            log.warn("Location '{}' could not be listed: {}", location.name(), e.toString());
            return new LocationScan(location.name(), location.description(), listed, findings, counts,
                    new StorageFault(location.name(), StorageFault.Kind.UNREADABLE, location.description(),
                            String.valueOf(e.getMessage())));
        }
        return new LocationScan(location.name(), location.description(), listed, findings, counts, null);
    }

    private void classify(String location, List<String> batch, List<Finding> findings, Map<Kind, Long> counts) {
        if (batch.isEmpty()) {
            return;
        }
        Map<String, Boolean> registered = new HashMap<>(); // key -> destroyed under an act
        jdbc.sql("""
                SELECT o.object_key, t.document_id IS NOT NULL AS destroyed
                FROM archived_object o LEFT JOIN document_tombstone t ON t.document_id = o.document_id
                WHERE o.object_key IN (:keys)""")
                .param("keys", batch)
                .query((rs, n) -> registered.put(rs.getString(1), rs.getBoolean(2)))
                .list();
        List<String> unknown = batch.stream().filter(k -> !registered.containsKey(k)).toList();
        Map<String, PendingWrites.PendingWrite> unfinished = new HashMap<>();
        pending.find(unknown).forEach(p -> unfinished.put(p.key(), p));
        for (String key : batch) {
            Boolean destroyed = registered.get(key);
            PendingWrites.PendingWrite p = unfinished.get(key);
            Finding finding = destroyed != null ? (destroyed ? new Finding(location, key,
                    Kind.DESTROYED_STILL_STORED, null, null) : null)
                    : p != null ? new Finding(location, key, Kind.UNFINISHED_CLOSE, p.className(), p.periodName())
                    : new Finding(location, key, Kind.ORPHAN, null, null);
            if (finding != null) {
                counts.merge(finding.kind(), 1L, Long::sum);
                if (findings.size() < MAX_SHOWN) {
                    findings.add(finding);
                }
            }
        }
    }
}
