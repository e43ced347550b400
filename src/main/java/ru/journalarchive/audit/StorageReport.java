package ru.journalarchive.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import ru.journalarchive.storage.StorageLocation;
import ru.journalarchive.storage.StorageLocations;

/**
 * Builds the IT report per storage location from the registry and the audit log: every configured location, and
 * any location the registry still names though it is no longer configured.
 */
@Service
public class StorageReport {

    private final JdbcClient jdbc;
    private final StorageLocations locations;

    StorageReport(JdbcClient jdbc, StorageLocations locations) {
        this.jdbc = jdbc;
        this.locations = locations;
    }

    /** The report of every location, counting audit events since {@code since}. */
    public List<LocationReport> report(Instant since) {
        Map<String, Holdings> holdings = jdbc.sql("""
                SELECT p.location, count(*) AS objects, coalesce(sum(o.size_bytes), 0) AS bytes,
                       min(p.verified_at) AS all_verified_since
                FROM replica p JOIN archived_object o ON o.id = p.object_id GROUP BY p.location""")
                .query((rs, n) -> new Holdings(rs.getString("location"), rs.getLong("objects"), rs.getLong("bytes"),
                        instant(rs.getTimestamp("all_verified_since"))))
                .list().stream().collect(Collectors.toMap(Holdings::location, Function.identity()));
        Map<String, Oldest> oldest = jdbc.sql("""
                SELECT DISTINCT ON (location) location, object_key, verified_at FROM replica
                ORDER BY location, verified_at, object_key""")
                .query((rs, n) -> new Oldest(rs.getString("location"), rs.getString("object_key"),
                        instant(rs.getTimestamp("verified_at"))))
                .list().stream().collect(Collectors.toMap(Oldest::location, Function.identity()));
        Map<String, Events> events = jdbc.sql("""
                SELECT location,
                       count(*) FILTER (WHERE event_type = 'fixity-failure') AS failures,
                       count(*) FILTER (WHERE event_type = 'repair') AS repairs,
                       count(*) FILTER (WHERE event_type = 'repair-failure') AS repair_failures
                FROM audit_event WHERE occurred_at >= ? GROUP BY location""")
                .param(Timestamp.from(since))
                .query((rs, n) -> new Events(rs.getString("location"), rs.getLong("failures"), rs.getLong("repairs"),
                        rs.getLong("repair_failures")))
                .list().stream().collect(Collectors.toMap(Events::location, Function.identity()));
        Map<String, Long> unresolved = jdbc.sql("""
                SELECT location, count(*) AS unresolved FROM (
                    SELECT DISTINCT ON (object_id, location) location, event_type FROM audit_event
                    ORDER BY object_id, location, id DESC) last
                WHERE event_type IN ('fixity-failure', 'repair-failure') GROUP BY location""")
                .query((rs, n) -> Map.entry(rs.getString("location"), rs.getLong("unresolved")))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));

        Set<String> names = new LinkedHashSet<>();
        locations.all().forEach(l -> names.add(l.name()));
        holdings.keySet().stream().sorted().forEach(names::add);
        List<LocationReport> reports = new ArrayList<>();
        for (String name : names) {
            Optional<StorageLocation> location = locations.all().stream().filter(l -> l.name().equals(name))
                    .findFirst();
            Holdings h = holdings.getOrDefault(name, new Holdings(name, 0, 0, null));
            Events e = events.getOrDefault(name, new Events(name, 0, 0, 0));
            Oldest o = oldest.getOrDefault(name, new Oldest(name, null, null));
            reports.add(new LocationReport(name, location.map(StorageLocation::type).orElse(null),
                    location.map(StorageLocation::description).orElse(null), h.objects(), h.bytes(),
                    h.allVerifiedSince(), since, e.failures(), e.repairs(), e.repairFailures(),
                    unresolved.getOrDefault(name, 0L), o.key(), o.verifiedAt()));
        }
        return reports;
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private record Holdings(String location, long objects, long bytes, Instant allVerifiedSince) {
    }

    private record Oldest(String location, String key, Instant verifiedAt) {
    }

    private record Events(String location, long failures, long repairs, long repairFailures) {
    }
}
