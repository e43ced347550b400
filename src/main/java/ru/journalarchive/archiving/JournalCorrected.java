package ru.journalarchive.archiving;

import java.util.UUID;

/**
 * Published when an authorised correction has produced, stored and registered a new version of a class's period
 * journal: the year close listens to rebuild the summary statement from the corrected data; the search indexes it.
 *
 * @param previousDocumentId the superseded version's document (it stays registered and retrievable), or null
 */
public record JournalCorrected(String schoolId, String academicYear, String classId, String periodId, int version,
                               UUID documentId, UUID previousDocumentId) {
}
