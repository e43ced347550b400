package ru.journalarchive.retention;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the registry's destruction dates in step with the policy files: at every start it compares each policy's
 * term with the term the registry's dates were computed with ({@code retention_policy_term}) and, where a records
 * clerk changed it, recomputes the date of every document of that class not yet destroyed, logging a
 * {@code term-changed} event and a {@code date-recomputed} event per document (old and new date).
 */
@Component
public class RetentionTerms {

    private static final Logger log = LoggerFactory.getLogger(RetentionTerms.class);
    static final String AGENT = "journal-archive (политика хранения)";

    private final RetentionPolicies policies;
    private final JdbcClient jdbc;
    private final RetentionEvents events;
    private final TransactionTemplate transaction;

    RetentionTerms(RetentionPolicies policies, JdbcClient jdbc, RetentionEvents events,
            PlatformTransactionManager transactionManager) {
        this.policies = policies;
        this.jdbc = jdbc;
        this.events = events;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    /** What a start-up found for one record class. */
    public record TermChange(String recordClass, String oldTerm, String newTerm, int recomputed) {
    }

    @EventListener(ApplicationStartedEvent.class)
    void onStart() {
        synchronise().forEach(c -> log.warn("Retention term of '{}' changed from {} to {}: {} destruction dates "
                + "recomputed (see retention_event)", c.recordClass(), c.oldTerm(), c.newTerm(), c.recomputed()));
    }

    /** Records each policy's term and recomputes the dates of the classes whose term changed; one transaction. */
    public List<TermChange> synchronise() {
        return Objects.requireNonNull(transaction.execute(status -> policies.all().stream()
                .map(this::synchronise).filter(Objects::nonNull).toList()));
    }

    private TermChange synchronise(RetentionPolicy policy) {
        Integer newYears = policy.permanent() ? null : policy.termYears();
        var recorded = jdbc.sql("SELECT term_years, permanent FROM retention_policy_term WHERE record_class = ? FOR UPDATE")
                .param(policy.recordClass())
                .query((rs, n) -> new Object[] {rs.getObject(1, Integer.class), rs.getBoolean(2)}).optional();
        if (recorded.isEmpty()) {
            jdbc.sql("INSERT INTO retention_policy_term (record_class, term_years, permanent, recorded_at) VALUES (?, ?, ?, ?)")
                    .params(policy.recordClass(), newYears, policy.permanent(), Timestamp.from(Instant.now())).update();
            return null;
        }
        Integer oldYears = (Integer) recorded.get()[0];
        boolean oldPermanent = (Boolean) recorded.get()[1];
        if (Objects.equals(oldYears, newYears) && oldPermanent == policy.permanent()) {
            return null;
        }
        String oldTerm = oldPermanent ? RetentionMessages.get("retention.term.permanent") : oldYears + "";
        String newTerm = policy.permanent() ? RetentionMessages.get("retention.term.permanent") : newYears + "";
        int recomputed = recompute(policy);
        jdbc.sql("UPDATE retention_policy_term SET term_years = ?, permanent = ?, recorded_at = ? WHERE record_class = ?")
                .params(newYears, policy.permanent(), Timestamp.from(Instant.now()), policy.recordClass()).update();
        events.record("term-changed", policy.recordClass(), null, null,
                RetentionMessages.get("retention.event.termChanged", policy.recordClass(), oldTerm, newTerm, recomputed),
                AGENT);
        return new TermChange(policy.recordClass(), oldTerm, newTerm, recomputed);
    }

    private record Dated(UUID documentId, String academicYear, LocalDate eligible) {
    }

    private int recompute(RetentionPolicy policy) {
        List<Dated> documents = jdbc.sql("""
                SELECT d.id, d.academic_year, r.eligible_for_destruction_from
                FROM document_retention r JOIN archived_document d ON d.id = r.document_id
                WHERE r.record_class = ?
                  AND NOT EXISTS (SELECT 1 FROM document_tombstone t WHERE t.document_id = d.id)
                ORDER BY d.id""")
                .param(policy.recordClass())
                .query((rs, n) -> new Dated(rs.getObject(1, UUID.class), rs.getString(2),
                        rs.getObject(3, LocalDate.class)))
                .list();
        for (Dated document : documents) {
            LocalDate eligible = policies.eligibleForDestructionFrom(policy.recordClass(),
                    closedIn(policy, document.academicYear()));
            jdbc.sql("UPDATE document_retention SET term_years = ?, eligible_for_destruction_from = ? WHERE document_id = ?")
                    .params(policy.termYears(), eligible, document.documentId()).update();
            events.record("date-recomputed", policy.recordClass(), document.documentId(), null,
                    RetentionMessages.get("retention.event.dateRecomputed", text(document.eligible()), text(eligible)),
                    AGENT);
        }
        return documents.size();
    }

    /** A calendar-year class keeps its year in the academic-year column as {@code YYYY/YYYY+1} or {@code YYYY}. */
    static String closedIn(RetentionPolicy policy, String academicYear) {
        if (RetentionPolicy.END_OF_CALENDAR_YEAR.equals(policy.trigger()) && academicYear.length() > 4) {
            return academicYear.substring(0, 4);
        }
        return academicYear;
    }

    private static String text(LocalDate date) {
        return date == null ? RetentionMessages.get("retention.term.permanent") : date.toString();
    }
}
