package ru.journalarchive.search;

import java.util.List;
import java.util.UUID;

/**
 * What a search found: the documents, each with the pupils' occurrences that matched (by name: in name order, each
 * pupil's newest year first; without a name: newest year first), the number of matching occurrences (counted up to
 * {@link ArchiveSearch#COUNT_CAP}; {@code moreThanTotal} when there are more), and whether the list was cut at the
 * query's limit.
 */
public record SearchResult(List<DocumentHit> documents, long totalOccurrences, boolean truncated,
                           boolean moreThanTotal) {

    /** A document that names at least one matching pupil. */
    public record DocumentHit(UUID documentId, String documentType, String schoolId, String academicYear,
                              String classId, String className, String periodId, int version,
                              List<Occurrence> occurrences) {
    }

    /** A pupil as named in the document. */
    public record Occurrence(String pupilId, String fullName) {
    }

    /** Number of occurrences returned (at most the limit). */
    public int returnedOccurrences() {
        return documents.stream().mapToInt(d -> d.occurrences().size()).sum();
    }
}
