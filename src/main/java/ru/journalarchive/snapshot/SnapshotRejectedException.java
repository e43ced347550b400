package ru.journalarchive.snapshot;

import java.util.List;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import ru.journalarchive.text.RussianPlural;

/**
 * Thrown when a snapshot breaks the {@code journal-snapshot/1} contract; it lists every violation found, and nothing
 * of the snapshot may be stored.
 */
public class SnapshotRejectedException extends RuntimeException {

    /** How many violations an answer to a person lists at most (API, web page, CLI); the rest are counted. */
    public static final int SHOWN = 100;

    private final transient List<Violation> violations;
    private final long total;

    public SnapshotRejectedException(List<Violation> violations) {
        this(violations, violations.size());
    }

    /**
     * A rejection listing the violations collected, out of {@code total} found (more than listed when a check
     * stopped collecting at its limit and only counted the rest).
     */
    public SnapshotRejectedException(List<Violation> violations, long total) {
        super(describe(violations.subList(0, Math.min(SHOWN, violations.size()))));
        this.violations = List.copyOf(violations);
        this.total = Math.max(total, violations.size());
    }

    /** Every violation collected, in the order they were found. */
    public List<Violation> violations() {
        return violations;
    }

    /** How many violations were found, listed or only counted. */
    public long total() {
        return total;
    }

    /** The first {@link #SHOWN} violations: what an answer to a person lists. */
    public List<Violation> shown() {
        return violations.subList(0, Math.min(SHOWN, violations.size()));
    }

    /** How many violations {@link #shown()} leaves out (to be summed up as «… и ещё N нарушений»). */
    public long notShown() {
        return total - shown().size();
    }

    /**
     * «… и ещё 39 900 нарушений» (Russian, from {@code i18n/input-hygiene}) when {@link #shown()} leaves some out,
     * else null.
     */
    public String notShownNote(MessageSource messages) {
        long n = notShown();
        if (n <= 0) {
            return null;
        }
        return messages.getMessage("input.shown.more." + RussianPlural.of(n).key(), new Object[] {String.valueOf(n)},
                Messages.RUSSIAN);
    }

    private static String describe(List<Violation> violations) {
        return violations.stream().map(Violation::toString).collect(Collectors.joining("\n"));
    }
}
