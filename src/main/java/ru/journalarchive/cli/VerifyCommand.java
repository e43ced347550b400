package ru.journalarchive.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import ru.journalarchive.archiving.ReplicaVerification;
import ru.journalarchive.archiving.VerificationReport;
import ru.journalarchive.audit.OrphanScan;
import ru.journalarchive.storage.StorageLocations;

/**
 * {@code verify}: re-hashes every replica against the registry and checks every storage location; exit 1 and a report
 * naming each missing or differing replica, each faulty location (the others are still checked) and, when no filter is
 * given, each object in a location that the registry cannot explain (orphan, unfinished close, destroyed but stored).
 */
@Component
@Scope("prototype") // options must not carry over between runs in one process
@Command(name = "verify", mixinStandardHelpOptions = true, resourceBundle = "i18n.cli")
class VerifyCommand implements Callable<Integer> {

    static final int DAMAGED = 1;

    @Mixin
    DocumentFilter filter;

    private final ReplicaVerification verification;
    private final StorageLocations locations;
    private final Messages messages;
    private final OrphanScan orphans;

    VerifyCommand(ReplicaVerification verification, StorageLocations locations, Messages messages,
            OrphanScan orphans) {
        this.orphans = orphans;
        this.verification = verification;
        this.locations = locations;
        this.messages = messages;
    }

    @Override
    public Integer call() {
        long start = System.nanoTime();
        VerificationReport report = verification.verify(filter.toQuery());
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.println(messages.get("verify.summary", report.documents(), report.replicas(), report.signatures(),
                String.format(java.util.Locale.ROOT, "%.1f", report.verifiedBytes() / 1e6),
                String.format(java.util.Locale.ROOT, "%.2f", seconds)));
        // A filtered run checks the selected documents only; the locations' contents are scanned by a full run.
        boolean filtered = filter.school != null || filter.year != null || filter.period != null
                || filter.classId != null;
        List<OrphanScan.LocationScan> scans = filtered
                ? locations.faults().stream().map(f -> new OrphanScan.LocationScan(f.location(), null, 0, List.of(),
                        java.util.Map.of(), f)).toList()
                : orphans.scan();
        if (report.clean()) {
            if (!StorageFindings.print(messages, scans, System.err)) {
                System.out.println(messages.get("verify.clean"));
                return 0;
            }
            return DAMAGED;
        }
        StorageFindings.print(messages, scans, System.err);
        System.err.println(messages.get("verify.problems", report.problems().size()));
        for (VerificationReport.Problem p : report.problems()) {
            String place = locations.all().stream().anyMatch(l -> l.name().equals(p.replica().location()))
                    ? locations.get(p.replica().location()).describe(p.replica().key())
                    : p.replica().location() + ":" + p.replica().key();
            System.err.println("  " + messages.get("verify.problem." + p.kind().name(), p.document().schoolId(),
                    p.document().academicYear(), p.document().periodId(), p.document().className(),
                    p.object().role(), p.replica().location(), place, p.object().sha256(),
                    p.actualSha256() == null ? "—" : p.actualSha256()));
            p.details().forEach(d -> System.err.println("      " + d));
        }
        return DAMAGED;
    }
}
