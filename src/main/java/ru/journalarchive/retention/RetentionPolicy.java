package ru.journalarchive.retention;

/**
 * How long one record class is kept and on what legal basis, as loaded from {@code retention-policies/<recordClass>.yaml}.
 *
 * @param recordClass        stable identifier, e.g. {@code class-journal}
 * @param title              the record class as written in the file plan, in Russian
 * @param termYears          the term in whole years, counted from 1 January of the year after the trigger
 * @param trigger            the event that closes the file: {@code end-of-academic-year}
 * @param legalBasis         the act that sets the term
 * @param federalListArticle the article of the federal list (Приказ Росархива от 20.12.2019 № 236)
 * @param nomenclatureIndex  the file's index in the school's file plan, e.g. {@code 02-05}
 * @param epk                ЭПК: needs the expert commission's review, never destroyed automatically
 */
public record RetentionPolicy(String recordClass, String title, int termYears, String trigger, String legalBasis,
        String federalListArticle, String nomenclatureIndex, boolean epk) {

    /** The only trigger so far: the file closes when the academic year ends. */
    public static final String END_OF_ACADEMIC_YEAR = "end-of-academic-year";
}
