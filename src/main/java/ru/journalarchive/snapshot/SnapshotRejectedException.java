package ru.journalarchive.snapshot;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown when a snapshot breaks the {@code journal-snapshot/1} contract; it lists every violation found, and nothing
 * of the snapshot may be stored.
 */
public class SnapshotRejectedException extends RuntimeException {

    private final transient List<Violation> violations;

    public SnapshotRejectedException(List<Violation> violations) {
        super(describe(violations));
        this.violations = List.copyOf(violations);
    }

    /** Every violation, in the order they were found. */
    public List<Violation> violations() {
        return violations;
    }

    private static String describe(List<Violation> violations) {
        return violations.stream().map(Violation::toString).collect(Collectors.joining("\n"));
    }
}
