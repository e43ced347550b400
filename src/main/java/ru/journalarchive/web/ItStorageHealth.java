package ru.journalarchive.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.springframework.stereotype.Component;
import ru.journalarchive.audit.LocationProbe;
import ru.journalarchive.audit.LocationReport;
import ru.journalarchive.audit.StorageReport;

/**
 * The storage locations' health for IT, from the storage report ({@code storage-report}) of the last 30 days and a
 * probe of each location: {@code bad} if a location does not answer or holds a copy still missing or damaged,
 * {@code warn} if damage was found and repaired, {@code ok} otherwise. No document is named.
 */
@Component
class ItStorageHealth {

    static final int DAYS = 30;

    private final StorageReport report;
    private final LocationProbe probe;

    ItStorageHealth(StorageReport report, LocationProbe probe) {
        this.report = report;
        this.probe = probe;
    }

    /** One location's card. */
    record Location(LocationReport report, boolean reachable, String health) {
    }

    /** Every location, counting the audit events since 30 days ago. */
    List<Location> locations() {
        ZoneId zone = ZoneId.systemDefault();
        Instant since = LocalDate.now(zone).minusDays(DAYS).atStartOfDay(zone).toInstant();
        return report.report(since).stream().map(r -> {
            boolean reachable = probe.reachable(r);
            String health = !reachable || r.unresolved() > 0 ? "bad"
                    : r.failures() > 0 || r.repairFailures() > 0 ? "warn" : "ok";
            return new Location(r, reachable, health);
        }).toList();
    }
}
