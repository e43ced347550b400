package ru.journalarchive.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import ru.journalarchive.audit.LocationProbe;
import ru.journalarchive.audit.OrphanScan;
import ru.journalarchive.audit.LocationReport;
import ru.journalarchive.audit.StorageReport;

/**
 * The storage locations' health for IT, from the storage report ({@code storage-report}) of the last 30 days and a
 * probe of each location: {@code bad} if a location does not answer or holds a copy still missing or damaged,
 * {@code warn} if damage was found and repaired, {@code ok} otherwise. A location that cannot be used is {@code bad}
 * with its reason; objects the location holds that no registry entry names are counted: orphans and destroyed
 * documents stored again make it {@code bad} too, the objects of an unfinished close are only counted (the location is
 * sound: the close's rerun registers them, and its failed job is on the jobs page). The scan of the locations is reused for {@link #SCAN_SECONDS} seconds.
 */
@Component
class ItStorageHealth {

    static final int DAYS = 30;
    static final int SCAN_SECONDS = 60;
    private static final Locale RU = Locale.forLanguageTag("ru");

    private final StorageReport report;
    private final LocationProbe probe;
    private final OrphanScan orphans;
    private final MessageSource messages;
    private volatile Scanned scanned;

    ItStorageHealth(StorageReport report, LocationProbe probe, OrphanScan orphans, MessageSource messages) {
        this.report = report;
        this.probe = probe;
        this.orphans = orphans;
        this.messages = messages;
    }

    /**
     * One location's card: {@code fault} is the Russian reason it cannot be used (null if it can); the counts are of
     * objects the registry cannot explain (null when not scanned: a location no longer configured).
     */
    record Location(LocationReport report, boolean reachable, String health, String fault, Long orphans,
                    Long unfinished, Long destroyedStored) {
    }

    private record Scanned(Instant at, Map<String, OrphanScan.LocationScan> byLocation) {
    }

    private Map<String, OrphanScan.LocationScan> scans() {
        Scanned last = scanned;
        if (last == null || last.at().isBefore(Instant.now().minusSeconds(SCAN_SECONDS))) {
            last = new Scanned(Instant.now(), orphans.scan().stream()
                    .collect(Collectors.toMap(OrphanScan.LocationScan::location, Function.identity())));
            scanned = last;
        }
        return last.byLocation();
    }

    /** Every location, counting the audit events since 30 days ago. */
    List<Location> locations() {
        ZoneId zone = ZoneId.systemDefault();
        Instant since = LocalDate.now(zone).minusDays(DAYS).atStartOfDay(zone).toInstant();
        Map<String, OrphanScan.LocationScan> scans = scans();
        return report.report(since).stream().map(r -> {
            OrphanScan.LocationScan scan = scans.get(r.location());
            String fault = scan == null || scan.fault() == null ? null : messages.getMessage(
                    "storage.fault." + scan.fault().kind().name(), new Object[] {scan.fault().location(),
                            scan.fault().where(), String.valueOf(scan.fault().detail())}, RU);
            boolean reachable = fault == null && probe.reachable(r);
            boolean unexplained = scan != null && (scan.count(OrphanScan.Kind.ORPHAN) > 0
                    || scan.count(OrphanScan.Kind.DESTROYED_STILL_STORED) > 0);
            String health = !reachable || r.unresolved() > 0 || unexplained ? "bad"
                    : r.failures() > 0 || r.repairFailures() > 0 ? "warn" : "ok";
            return new Location(r, reachable, health, fault,
                    scan == null ? null : scan.count(OrphanScan.Kind.ORPHAN),
                    scan == null ? null : scan.count(OrphanScan.Kind.UNFINISHED_CLOSE),
                    scan == null ? null : scan.count(OrphanScan.Kind.DESTROYED_STILL_STORED));
        }).toList();
    }
}
