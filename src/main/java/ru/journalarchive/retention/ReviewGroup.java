package ru.journalarchive.retention;

import java.util.List;

/**
 * The files of one school, record class and nomenclature index whose term has expired: one row of a destruction
 * act's table («заголовок дела», «крайние даты», «количество дел» …).
 */
public record ReviewGroup(String schoolId, String recordClass, String title, String nomenclatureIndex, int termYears,
        String federalListArticle, String firstAcademicYear, String lastAcademicYear, List<ReviewFile> files) {
}
