package ru.journalarchive.retention;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * One file (дело) of the file plan up for review: the documents of one record class for one class (or the whole
 * school, for school-level records) in one academic year.
 *
 * @param classId      null for school-level records
 * @param className    null for school-level records
 * @param holdReasons  the reasons of the active holds on any of its documents; empty unless held
 */
public record ReviewFile(String schoolId, String recordClass, String title, String nomenclatureIndex,
        String academicYear, String classId, String className, int termYears, String federalListArticle,
        LocalDate eligibleFrom, List<UUID> documentIds, List<String> holdReasons) {
}
