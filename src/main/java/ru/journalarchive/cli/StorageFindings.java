package ru.journalarchive.cli;

import java.io.PrintStream;
import java.util.List;
import ru.journalarchive.audit.OrphanScan;
import ru.journalarchive.storage.StorageFault;

/**
 * Prints, in Russian, what {@code verify} and {@code storage-report} found in the storage locations themselves: a
 * faulty location with its reason, and every object the registry cannot explain, with its location and key.
 */
final class StorageFindings {

    private StorageFindings() {
    }

    /** The Russian reason of a fault, without the location's name. */
    static String reason(Messages messages, StorageFault fault) {
        return messages.get("storage.fault." + fault.kind().name(), fault.location(), fault.where(),
                fault.detail() == null ? "" : fault.detail());
    }

    /**
     * Prints the faulty locations and the unexplained objects of the scans.
     *
     * @return whether there was anything to print (a problem)
     */
    static boolean print(Messages messages, List<OrphanScan.LocationScan> scans, PrintStream err) {
        boolean problem = false;
        for (OrphanScan.LocationScan scan : scans) {
            if (scan.fault() != null) {
                err.println(messages.get("storage.faultLine", scan.location(), reason(messages, scan.fault())));
                problem = true;
            }
        }
        long total = scans.stream().mapToLong(s -> s.counts().values().stream().mapToLong(Long::longValue).sum())
                .sum();
        if (total == 0) {
            return problem;
        }
        err.println(messages.get("storage.findings.header", total));
        for (OrphanScan.LocationScan scan : scans) {
            for (OrphanScan.Finding f : scan.findings()) {
                err.println("  " + messages.get("storage.finding." + f.kind().name(), f.location(), f.key(),
                        f.className(), f.periodName()));
            }
            long found = scan.counts().values().stream().mapToLong(Long::longValue).sum();
            if (found > scan.findings().size()) {
                err.println(messages.get("storage.findings.more", found - scan.findings().size(), scan.location(),
                        scan.findings().size()));
            }
        }
        return true;
    }
}
