package ru.journalarchive.retention;

import ru.journalarchive.text.RussianPlural;

/**
 * How long one record class is kept and on what legal basis, as loaded from {@code retention-policies/<recordClass>.yaml}.
 *
 * @param recordClass        stable identifier, e.g. {@code class-journal}
 * @param title              the record class as written in the file plan, in Russian
 * @param termYears          the term in whole years, counted from 1 January of the year after the trigger; 0 when
 *                           {@code permanent}
 * @param trigger            the event that closes the file: {@code end-of-academic-year} or
 *                           {@code end-of-calendar-year}
 * @param legalBasis         the act that sets the term
 * @param federalListArticle the article of the federal list (Приказ Росархива от 20.12.2019 № 236)
 * @param nomenclatureIndex  the file's index in the school's file plan, e.g. {@code 02-05}
 * @param epk                ЭПК: needs the expert commission's review, never destroyed automatically
 * @param permanent          kept permanently («постоянно»): never eligible for destruction
 */
public record RetentionPolicy(String recordClass, String title, int termYears, String trigger, String legalBasis,
        String federalListArticle, String nomenclatureIndex, boolean epk, boolean permanent) {

    /** The file closes when its academic year ends (class journals, summary statements). */
    public static final String END_OF_ACADEMIC_YEAR = "end-of-academic-year";
    /** The file closes when its calendar year ends (logs, destruction acts). */
    public static final String END_OF_CALENDAR_YEAR = "end-of-calendar-year";

    /** The term as printed in a destruction act's column «сроки хранения»: «5 лет», «25 лет», «постоянно». */
    public String termText() {
        if (permanent) {
            return RetentionMessages.get("retention.term.permanent");
        }
        return RetentionMessages.get("retention.term.years." + RussianPlural.of(termYears).key(),
                String.valueOf(termYears));
    }
}
