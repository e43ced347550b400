package ru.journalarchive.papercopies;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.time.Instant;
import ru.journalarchive.backup.BackupMedia;
import ru.journalarchive.backup.BackupMedium;
import ru.journalarchive.freezing.SummaryStatements;
import ru.journalarchive.regulations.RegulationProfile;
import ru.journalarchive.regulations.RegulationProfile.PaperRegime;
import ru.journalarchive.regulations.Regulations;
import org.springframework.stereotype.Service;
import ru.journalarchive.freezing.JournalFreezer;
import ru.journalarchive.registry.ArchivedDocument;
import ru.journalarchive.registry.DocumentQuery;
import ru.journalarchive.registry.DocumentRegistry;

/**
 * The deadline report of paper copies, as the school's regulation profile says ({@code paper.regime}):
 * <ul>
 * <li>five-day per period (000 §4): each step of the profile is due on the period's end date plus its day (day 1 the
 * teachers check final marks; then printed, signed by the subject teachers, certified, accepted, signed and sealed);
 * the day-2 backups on optical and hard disk (§4.2) are lines of their own, done when a medium of that type holding
 * the period's class journals is registered ({@code backup export}) and handed to the director ({@code backup
 * hand-over});</li>
 * <li>per period (a college, 003 §5.5): the profile's steps with no day, listed and never overdue;</li>
 * <li>yearly by 30 June (002 §1.1.5): the year's class journals and summary statements, the profile's steps due on
 * {@code paper.yearlyDue};</li>
 * <li>on demand and none: no deadlines at all, the report says so.</li>
 * </ul>
 * Grades without paper copies ({@code paper.grades}) and document types the regime does not print are not listed. The
 * year-end report of a five-day school is the binding of its copies by 30 June (printed, signed and sealed, bound);
 * a per-period school's lists the year's copies with the profile's steps, without a due day. A step is overdue from
 * the day after its due day.
 */
@Service
public class PaperDeadlines {

    /** The binding of a five-day (or per-period) school's copies of the year by 30 June. */
    static final List<PaperStep> YEAR_END = List.of(PaperStep.PRINTED, PaperStep.DIRECTOR_SIGNED_SEALED,
            PaperStep.BOUND_NUMBERED);

    private final DocumentRegistry registry;
    private final JournalFreezer freezer;
    private final PaperCopies copies;
    private final Regulations regulations;
    private final SummaryStatements statements;
    private final BackupMedia media;

    PaperDeadlines(DocumentRegistry registry, JournalFreezer freezer, PaperCopies copies, Regulations regulations,
            SummaryStatements statements, BackupMedia media) {
        this.registry = registry;
        this.freezer = freezer;
        this.copies = copies;
        this.regulations = regulations;
        this.statements = statements;
        this.media = media;
    }

    /**
     * The report of a school's period under its regime.
     *
     * @param academicYear null: the latest academic year in which the school closed that period
     * @throws PaperCopyException {@code noDocuments} when the regime lists per period and nothing of the school's
     *                            period is archived
     */
    public DeadlineReport period(String schoolId, String academicYear, String periodId, LocalDate today) {
        RegulationProfile profile = regulations.forSchool(schoolId);
        RegulationProfile.Paper paper = profile.paper();
        String year = academicYear != null ? academicYear : latestYear(schoolId, periodId);
        if (paper.regime() != PaperRegime.FIVE_DAY_PER_PERIOD && paper.regime() != PaperRegime.PER_PERIOD) {
            return report(profile, schoolId, year, periodId, today, List.of(), List.of());
        }
        List<ArchivedDocument> latest = latest(new DocumentQuery(schoolId, year, periodId, null));
        if (latest.isEmpty()) {
            throw new PaperCopyException("noDocuments", schoolId, year == null ? "—" : year, periodId);
        }
        boolean days = paper.regime() == PaperRegime.FIVE_DAY_PER_PERIOD;
        List<DeadlineReport.DocumentDeadlines> result = new ArrayList<>();
        List<UUID> journals = new ArrayList<>();
        LocalDate lastEnd = null;
        for (ArchivedDocument document : latest) {
            if (!PrintPackets.CLASS_JOURNAL.equals(document.documentType()) || document.frozenJournalId() == null) {
                continue;
            }
            var schoolClass = freezer.get(document.frozenJournalId()).orElseThrow().journal().schoolClass();
            LocalDate end = schoolClass.period().end();
            journals.add(document.id());
            lastEnd = lastEnd == null || end.isAfter(lastEnd) ? end : lastEnd;
            if (!paper.requiresPaper(document.documentType(), schoolClass.grade())) {
                continue; // e.g. grade 1 (000 §4): no paper copy, never overdue
            }
            List<PaperCopy> ofDocument = copies.ofDocument(document.id());
            List<DeadlineReport.StepDeadline> steps = new ArrayList<>();
            for (PaperStep step : PaperRoutine.deadlineSteps(profile, document.documentType())) {
                if (step == PaperStep.TRANSFERRED_TO_ARCHIVE) {
                    continue; // at the group's graduation, not per period: see paper transfers
                }
                Integer day = days ? PaperRoutine.dayOf(profile, step) : null;
                steps.add(deadline(day == null ? 0 : day, step, day == null ? null : end.plusDays(day), ofDocument,
                        today, profile.timeZone()));
            }
            result.add(new DeadlineReport.DocumentDeadlines(document.documentType(), document.classId(),
                    document.className(), document.periodId(), schoolClass.grade(), end, steps));
        }
        List<DeadlineReport.BackupDeadline> backups = days && paper.backups() != null && lastEnd != null
                ? backups(paper.backups(), journals, lastEnd, today, profile.timeZone()) : List.of();
        return report(profile, schoolId, year, periodId, today, result, backups);
    }

    /**
     * The year-end report under the school's regime: the yearly regime's documents and steps due on its
     * {@code yearlyDue}; for a five-day or per-period school the binding of its copies by 30 June; nothing under on
     * demand and none.
     *
     * @param academicYear null: the school's latest academic year in the registry
     */
    public DeadlineReport yearEnd(String schoolId, String academicYear, LocalDate today) {
        RegulationProfile profile = regulations.forSchool(schoolId);
        RegulationProfile.Paper paper = profile.paper();
        String year = academicYear != null ? academicYear : latestYear(schoolId, null);
        if (!paper.hasDeadlines()) {
            return report(profile, schoolId, year, null, today, List.of(), List.of());
        }
        if (year == null) {
            throw new PaperCopyException("noDocuments", schoolId, "—", "—");
        }
        LocalDate due = paper.yearlyDueDate(year).orElseGet(() -> yearEndDue(year));
        boolean yearly = paper.regime() == PaperRegime.YEARLY_BY_30_JUNE;
        List<ArchivedDocument> latest = latest(new DocumentQuery(schoolId, year, null, null));
        if (latest.isEmpty()) {
            throw new PaperCopyException("noDocuments", schoolId, year, "—");
        }
        List<DeadlineReport.DocumentDeadlines> result = new ArrayList<>();
        for (ArchivedDocument document : latest) {
            if (!paper.documents().contains(document.documentType())) {
                continue; // destruction acts, extracts, or a type the regime does not print
            }
            Integer grade = grade(document);
            if (grade == null || !paper.requiresPaper(document.documentType(), grade)) {
                continue;
            }
            List<PaperCopy> ofDocument = copies.ofDocument(document.id());
            List<DeadlineReport.StepDeadline> steps = new ArrayList<>();
            if (paper.regime() == PaperRegime.PER_PERIOD) {
                // a college's copies are made per semester with no day (003 §5.5): listed, never overdue
                for (PaperStep step : PaperRoutine.deadlineSteps(profile, document.documentType())) {
                    if (step != PaperStep.TRANSFERRED_TO_ARCHIVE) {
                        steps.add(deadline(0, step, null, ofDocument, today, profile.timeZone()));
                    }
                }
            } else {
                for (PaperStep step : yearly ? PaperRoutine.deadlineSteps(profile, document.documentType())
                        : YEAR_END) {
                    steps.add(deadline(0, step, due, ofDocument, today, profile.timeZone()));
                }
            }
            result.add(new DeadlineReport.DocumentDeadlines(document.documentType(), document.classId(),
                    document.className(), document.periodId(), grade, null, steps));
        }
        return report(profile, schoolId, year, null, today, result, List.of());
    }

    /** 30 June of the year an academic year «2024/2025» ends in. */
    static LocalDate yearEndDue(String academicYear) {
        return LocalDate.of(Integer.parseInt(academicYear.substring(academicYear.indexOf('/') + 1)), 6, 30);
    }

    private static DeadlineReport report(RegulationProfile profile, String schoolId, String year, String periodId,
            LocalDate today, List<DeadlineReport.DocumentDeadlines> documents,
            List<DeadlineReport.BackupDeadline> backups) {
        return new DeadlineReport(schoolId, year, periodId, today, profile.paper().regime(), profile.title(),
                profile.basis(), List.copyOf(documents), List.copyOf(backups));
    }

    /** The grade of a class journal's or summary statement's class, or null when unknown. */
    private Integer grade(ArchivedDocument document) {
        if (document.frozenJournalId() != null) {
            return freezer.get(document.frozenJournalId()).map(f -> f.journal().schoolClass().grade()).orElse(null);
        }
        if (PrintPackets.SUMMARY_STATEMENT.equals(document.documentType())) {
            return statements.find(document.schoolId(), document.academicYear(), document.classId())
                    .map(SummaryStatements.Stored::grade).orElse(null);
        }
        return null;
    }

    /**
     * The backup lines of the five-day close: per medium type, written with every class journal of the period, and
     * handed to the director, each due on the period's end plus the backups' day.
     */
    private List<DeadlineReport.BackupDeadline> backups(RegulationProfile.Backups rule, List<UUID> journals,
            LocalDate end, LocalDate today, ZoneId zone) {
        LocalDate due = end.plusDays(rule.day());
        List<BackupMedium> holding = media.holdingAll(journals);
        List<DeadlineReport.BackupDeadline> lines = new ArrayList<>();
        for (String type : rule.media()) {
            List<BackupMedium> ofType = holding.stream().filter(m -> m.type().code().equals(type)).toList();
            Optional<BackupMedium> written = ofType.stream().min(Comparator.comparing(BackupMedium::writtenAt));
            lines.add(new DeadlineReport.BackupDeadline(type, false, rule.day(), due,
                    written.map(BackupMedium::id).orElse(null), written.map(BackupMedium::writtenBy).orElse(null),
                    written.map(BackupMedium::writtenAt).orElse(null),
                    status(written.map(BackupMedium::writtenAt).orElse(null), due, today, zone)));
            if (rule.handedToDirector()) {
                Optional<BackupMedium> handed = ofType.stream().filter(m -> m.handedToDirectorAt() != null)
                        .min(Comparator.comparing(BackupMedium::handedToDirectorAt));
                lines.add(new DeadlineReport.BackupDeadline(type, true, rule.day(), due,
                        handed.map(BackupMedium::id).orElse(null), null,
                        handed.map(BackupMedium::handedToDirectorAt).orElse(null),
                        status(handed.map(BackupMedium::handedToDirectorAt).orElse(null), due, today, zone)));
            }
        }
        return lines;
    }

    private DeadlineReport.StepDeadline deadline(int day, PaperStep step, LocalDate due, List<PaperCopy> ofDocument,
            LocalDate today, ZoneId zone) {
        Optional<DeadlineReport.Done> done = ofDocument.stream()
                .flatMap(c -> c.completion(step).map(e -> new DeadlineReport.Done(e.performedBy(), e.performedAt(),
                        c.copyNumber())).stream())
                .min(Comparator.comparing(DeadlineReport.Done::at));
        return new DeadlineReport.StepDeadline(day, step, due, done.orElse(null),
                status(done.map(DeadlineReport.Done::at).orElse(null), due, today, zone));
    }

    /** Done (late or not) when done; pending, or overdue from the day after the due day; never overdue without one. */
    private static DeadlineReport.Status status(Instant doneAt, LocalDate due, LocalDate today, ZoneId zone) {
        if (doneAt != null) {
            return due != null && doneAt.atZone(zone).toLocalDate().isAfter(due) ? DeadlineReport.Status.DONE_LATE
                    : DeadlineReport.Status.DONE;
        }
        return due != null && today.isAfter(due) ? DeadlineReport.Status.OVERDUE : DeadlineReport.Status.PENDING;
    }

    /** The latest version of each document of a query. */
    private List<ArchivedDocument> latest(DocumentQuery query) {
        Map<String, ArchivedDocument> latest = new LinkedHashMap<>();
        for (ArchivedDocument d : registry.list(query)) {
            latest.merge(d.documentType() + "/" + d.classId() + "/" + d.periodId(), d,
                    (a, b) -> b.version() > a.version() ? b : a);
        }
        return List.copyOf(latest.values());
    }

    private String latestYear(String schoolId, String periodId) {
        return registry.list(new DocumentQuery(schoolId, null, periodId, null)).stream()
                .map(ArchivedDocument::academicYear).max(Comparator.naturalOrder()).orElse(null);
    }
}
