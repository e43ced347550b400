/**
 * Disposition: destruction of records whose term has expired, only by an approved act. The act «Акт о выделении к
 * уничтожению документов, не подлежащих хранению» is drafted from the annual retention review, agreed by the expert
 * commission (ЭК), approved and signed by the director, then executed by {@code dispositionJob}: every replica of
 * every object of the act's documents deleted in every location, a destruction certificate, a tombstone per document,
 * and the backup media holding those objects flagged for physical destruction. See {@code jobs/disposition-job.md}
 * and {@code archive-format/destruction-act.md}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Disposition")
package ru.journalarchive.disposition;
