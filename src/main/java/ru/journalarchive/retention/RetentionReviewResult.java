package ru.journalarchive.retention;

import java.time.LocalDate;
import java.util.List;

/**
 * The annual review for a destruction act drawn up in {@code actYear}: the files whose term has expired by
 * {@code cutoff} (1 January of that year), split into those that may go into an act and those that may not.
 *
 * @param schoolId null when every school was reviewed
 * @param eligible not held, not ЭПК, not destroyed: grouped as the act's table expects
 * @param epk      term expired but marked ЭПК: for the expert commission's review, never in an act automatically
 * @param held     term expired but under an active hold
 */
public record RetentionReviewResult(int actYear, LocalDate cutoff, String schoolId, List<ReviewGroup> eligible,
        List<ReviewFile> epk, List<ReviewFile> held) {

    /** How many files may go into an act. */
    public int eligibleFiles() {
        return eligible.stream().mapToInt(g -> g.files().size()).sum();
    }
}
