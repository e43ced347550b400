package ru.journalarchive.audit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import ru.journalarchive.registry.DocumentRegistry;
import ru.journalarchive.registry.Tombstones;
import ru.journalarchive.storage.RepairedObject;
import ru.journalarchive.storage.StorageException;
import ru.journalarchive.storage.StorageLocation;
import ru.journalarchive.storage.StorageLocations;
import ru.journalarchive.storage.StoredObject;

/**
 * Audits replicas one by one: re-hashes the replica in its location and compares it with the registry; an intact
 * one gets a new verification time, a missing, unreadable or different one is repaired from another location's copy
 * whose bytes are hashed first, and verified again after writing. Every check, failure and repair is an audit
 * event. Nothing is ever written from a copy that was not verified, and an intact replica is never written.
 */
@Service
public class FixityAudit {

    private static final Logger log = LoggerFactory.getLogger(FixityAudit.class);

    private final ReplicaCatalog catalog;
    private final DocumentRegistry registry;
    private final StorageLocations locations;
    private final AuditLog auditLog;
    private final Tombstones tombstones;
    private final Throttle throttle;

    FixityAudit(ReplicaCatalog catalog, DocumentRegistry registry, StorageLocations locations, AuditLog auditLog,
            AuditProperties properties, Tombstones tombstones) {
        this.tombstones = tombstones;
        this.catalog = catalog;
        this.registry = registry;
        this.locations = locations;
        this.auditLog = auditLog;
        this.throttle = new Throttle(properties.maxBytesPerSecond());
    }

    /**
     * Up to {@code limit} replicas after (location, key) in location-and-key order; only those last verified no
     * later than {@code verifiedUpTo} when it is set (a rolling run).
     */
    public List<AuditedReplica> page(String afterLocation, String afterKey, Instant verifiedUpTo, int limit) {
        return catalog.page(afterLocation, afterKey, verifiedUpTo, limit);
    }

    /** The last verification time up to which a rolling run of {@code share} checks replicas; empty if none. */
    public Optional<Instant> rollingCutoff(double share) {
        return catalog.rollingCutoff(share);
    }

    /** Audits one replica, repairing it if needed; {@code agent} and {@code run} go into its events. */
    public ReplicaOutcome check(AuditedReplica replica, String agent, String run) {
        Hashed hashed = hash(replica, agent, run);
        if (hashed.outcome().kind() == ReplicaOutcome.Kind.INTACT) {
            recordIntact(List.of(hashed), agent, run);
        }
        return hashed.outcome();
    }

    /**
     * Audits a page of replicas, hashing them in parallel on {@code executor}; damaged ones are repaired and their
     * events committed at once, intact ones are recorded together in the caller's transaction (one commit per page
     * instead of one per replica). Waits for every replica, then rethrows the first failure.
     */
    public List<ReplicaOutcome> checkAll(List<AuditedReplica> page, String agent, String run,
            ExecutorService executor) throws Exception {
        List<Future<Hashed>> futures = new ArrayList<>();
        for (AuditedReplica replica : page) {
            futures.add(executor.submit(() -> hash(replica, agent, run)));
        }
        List<Hashed> done = new ArrayList<>();
        Exception first = null;
        for (Future<Hashed> future : futures) {
            try {
                done.add(future.get());
            } catch (ExecutionException e) {
                if (first == null) {
                    first = e.getCause() instanceof Exception cause ? cause : e;
                }
            }
        }
        recordIntact(done.stream().filter(h -> h.outcome().kind() == ReplicaOutcome.Kind.INTACT).toList(), agent, run);
        if (first != null) {
            throw first;
        }
        return done.stream().map(Hashed::outcome).toList();
    }

    private void recordIntact(List<Hashed> intact, String agent, String run) {
        for (Hashed hashed : intact) {
            registry.recordVerified(hashed.outcome().replica().objectId(), hashed.outcome().replica().location(),
                    hashed.verifiedAt());
        }
        auditLog.recordChecks(intact.stream().map(h -> h.outcome().replica()).toList(), agent, run);
    }

    /** Hashes a replica; an intact one is returned unrecorded, a damaged one is recorded and repaired. */
    private Hashed hash(AuditedReplica replica, String agent, String run) {
        Optional<StorageLocation> location = location(replica.location());
        if (location.isEmpty()) {
            String detail = "location '%s' is not configured any more".formatted(replica.location());
            auditLog.record(AuditEventType.FIXITY_FAILURE, replica, false, detail, null, agent, run);
            return new Hashed(new ReplicaOutcome(replica, ReplicaOutcome.Kind.UNREPAIRED, detail), null);
        }
        String problem;
        Long size = null;
        try {
            Optional<StoredObject> found = location.get().verify(replica.key());
            if (found.isPresent()) {
                size = found.get().sizeBytes();
                throttle.consumed(size);
            }
            if (found.isPresent() && found.get().sha256().equals(replica.sha256())) {
                return new Hashed(new ReplicaOutcome(replica, ReplicaOutcome.Kind.INTACT, "sha256 " + replica.sha256()),
                        found.get().verifiedAt());
            }
            problem = found.isEmpty() ? "missing; expected sha256 %s".formatted(replica.sha256())
                    : "differs: expected sha256 %s (%d bytes), found sha256 %s (%d bytes)".formatted(replica.sha256(),
                            replica.sizeBytes(), found.get().sha256(), found.get().sizeBytes());
        } catch (StorageException e) {
            problem = "unreadable (%s); expected sha256 %s".formatted(e.getMessage(), replica.sha256());
        }
        log.warn("Fixity failure of '{}' in location '{}': {}", replica.key(), replica.location(), problem);
        auditLog.record(AuditEventType.FIXITY_FAILURE, replica, false, problem, size, agent, run);
        return new Hashed(repair(replica, location.get(), problem, agent, run), null);
    }

    private record Hashed(ReplicaOutcome outcome, Instant verifiedAt) {
    }

    private ReplicaOutcome repair(AuditedReplica replica, StorageLocation target, String problem, String agent,
            String run) {
        if (tombstones.isRetired(replica.documentId())) {
            // An act began destroying it after this page was read: never put it back. Nothing is recorded: its
            // replica rows are leaving with the destruction certificate.
            return new ReplicaOutcome(replica, ReplicaOutcome.Kind.INTACT, "destroyed under an act");
        }
        List<String> rejected = new ArrayList<>();
        byte[] good = null;
        StorageLocation source = null;
        for (AuditedReplica other : catalog.otherReplicas(replica.objectId(), replica.location())) {
            Optional<StorageLocation> candidate = location(other.location());
            if (candidate.isEmpty()) {
                rejected.add(other.location() + ": not configured");
                continue;
            }
            byte[] bytes = read(candidate.get(), other.key(), rejected);
            if (bytes == null) {
                continue;
            }
            throttle.consumed(bytes.length);
            String sha256 = sha256(bytes);
            if (sha256.equals(replica.sha256()) && bytes.length == replica.sizeBytes()) {
                good = bytes;
                source = candidate.get();
                break;
            }
            rejected.add("%s: damaged too (sha256 %s)".formatted(other.location(), sha256));
        }
        if (good == null) {
            String detail = "no healthy copy to repair from (%s); nothing was written"
                    .formatted(rejected.isEmpty() ? "no other location holds the object" : String.join("; ", rejected));
            auditLog.record(AuditEventType.REPAIR_FAILURE, replica, false, detail, null, agent, run);
            return new ReplicaOutcome(replica, ReplicaOutcome.Kind.UNREPAIRED, problem + "; " + detail);
        }
        String from = "from %s (%s), verified sha256 %s".formatted(source.name(), source.describe(replica.key()),
                replica.sha256());
        try {
            RepairedObject repaired = target.repair(replica.key(), good,
                    StorageLocation.lockUntil(replica.retainUntil()));
            Optional<StoredObject> after = target.verify(replica.key());
            if (after.isEmpty() || !after.get().sha256().equals(replica.sha256())) {
                String detail = "written %s but reads back %s".formatted(from,
                        after.map(a -> "with sha256 " + a.sha256()).orElse("as missing"));
                auditLog.record(AuditEventType.REPAIR_FAILURE, replica, false, detail, (long) good.length, agent, run);
                return new ReplicaOutcome(replica, ReplicaOutcome.Kind.UNREPAIRED, problem + "; " + detail);
            }
            registry.recordVerified(replica.objectId(), replica.location(), after.get().verifiedAt());
            String detail = "repaired " + from + "; verified after writing"
                    + (repaired.damagedKeptAt() == null ? "" : "; damaged bytes kept at " + repaired.damagedKeptAt());
            auditLog.record(AuditEventType.REPAIR, replica, true, detail, (long) good.length, agent, run);
            return new ReplicaOutcome(replica, ReplicaOutcome.Kind.REPAIRED, problem + "; " + detail);
        } catch (StorageException | IllegalArgumentException e) {
            String detail = "could not write the copy %s: %s".formatted(from, e.getMessage());
            auditLog.record(AuditEventType.REPAIR_FAILURE, replica, false, detail, null, agent, run);
            return new ReplicaOutcome(replica, ReplicaOutcome.Kind.UNREPAIRED, problem + "; " + detail);
        }
    }

    private static byte[] read(StorageLocation location, String key, List<String> rejected) {
        try (InputStream in = location.open(key)) {
            return in.readAllBytes();
        } catch (NoSuchFileException e) {
            rejected.add(location.name() + ": missing too");
        } catch (IOException | StorageException e) {
            rejected.add(location.name() + ": unreadable (" + e.getMessage() + ")");
        }
        return null;
    }

    private Optional<StorageLocation> location(String name) {
        return locations.all().stream().filter(l -> l.name().equals(name)).findFirst();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime provides SHA-256", e);
        }
    }
}
