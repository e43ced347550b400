package ru.journalarchive.cli;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import ru.journalarchive.audit.LocationReport;
import ru.journalarchive.audit.OrphanScan;
import ru.journalarchive.audit.StorageReport;

/**
 * {@code storage-report [--since DATE]}: the IT report per storage location — objects, bytes, since when every copy
 * is verified, audit failures and repairs since a date (30 days ago by default), the copy verified longest ago — and
 * what each configured location holds now: how many objects, which ones the registry cannot explain, or why the
 * location cannot be used. Exit 1 when a copy is damaged, a location is faulty or holds unexplained objects.
 */
@Component
@org.springframework.context.annotation.Scope("prototype") // options must not carry over between runs
@Command(name = "storage-report", mixinStandardHelpOptions = true, resourceBundle = "i18n.cli")
class StorageReportCommand implements Callable<Integer> {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm:ss");

    @Option(names = "--since", descriptionKey = "storageReport.since", paramLabel = "ГГГГ-ММ-ДД")
    LocalDate since;

    private final StorageReport report;
    private final Messages messages;
    private final OrphanScan orphans;

    StorageReportCommand(StorageReport report, Messages messages, OrphanScan orphans) {
        this.orphans = orphans;
        this.report = report;
        this.messages = messages;
    }

    @Override
    public Integer call() {
        ZoneId zone = ZoneId.systemDefault();
        LocalDate from = since != null ? since : LocalDate.now(zone).minusDays(30);
        Instant start = from.atStartOfDay(zone).toInstant();
        int unresolved = 0;
        java.util.Map<String, OrphanScan.LocationScan> scans = new java.util.LinkedHashMap<>();
        orphans.scan().forEach(s -> scans.put(s.location(), s));
        for (LocationReport r : report.report(start)) {
            System.out.println(messages.get("storageReport.location", r.location(),
                    r.type() == null ? messages.get("storageReport.notConfigured") : r.type(),
                    r.description() == null ? "—" : r.description()));
            System.out.println("  " + messages.get("storageReport.holdings", r.objects(),
                    String.format(Locale.ROOT, "%.1f", r.bytes() / 1e6)));
            System.out.println("  " + messages.get("storageReport.verifiedSince", time(r.allVerifiedSince(), zone)));
            System.out.println("  " + messages.get("storageReport.events", from.format(DateTimeFormatter.ofPattern(
                    "dd.MM.yyyy")), r.failures(), r.repairs(), r.repairFailures()));
            System.out.println("  " + messages.get("storageReport.unresolved", r.unresolved()));
            System.out.println("  " + messages.get("storageReport.oldest",
                    r.oldestKey() == null ? "—" : r.oldestKey(), time(r.oldestVerifiedAt(), zone)));
            unresolved += (int) r.unresolved();
            OrphanScan.LocationScan scan = scans.get(r.location());
            if (scan != null && scan.fault() != null) {
                System.out.println(messages.get("storageReport.fault", StorageFindings.reason(messages, scan.fault())));
            } else if (scan != null) {
                System.out.println(messages.get("storageReport.listed", scan.listed(),
                        scan.count(OrphanScan.Kind.ORPHAN), scan.count(OrphanScan.Kind.UNFINISHED_CLOSE),
                        scan.count(OrphanScan.Kind.DESTROYED_STILL_STORED)));
            }
        }
        boolean storageProblems = StorageFindings.print(messages, List.copyOf(scans.values()), System.err);
        return unresolved > 0 || storageProblems ? 1 : 0;
    }

    private static String time(Instant instant, ZoneId zone) {
        return instant == null ? "—" : TIME.format(instant.atZone(zone));
    }
}
