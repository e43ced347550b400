package ru.journalarchive.papercopies;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import ru.journalarchive.freezing.JournalFreezer;
import ru.journalarchive.registry.ArchivedDocument;
import ru.journalarchive.registry.DocumentQuery;
import ru.journalarchive.registry.DocumentRegistry;

/**
 * The deadline report of paper copies. Five-day close (000 §4): day N is the period's end date plus N calendar days
 * (day 1, the first day of the holidays, teachers check final marks in the electronic journal; day 2 the copy is
 * printed; day 3 every subject teacher has signed; day 4 the class teacher has certified it; day 5 the deputy has
 * accepted it and the director has signed and sealed it). Year end (002 §1.1.5): every document of the academic year
 * printed, signed and sealed by the director, and bound, by 30 June of the year the academic year ends. A step is
 * overdue from the day after its due day.
 */
@Service
public class PaperDeadlines {

    /** The five-day schedule: the step due on each day after the period's end. */
    static final Map<PaperStep, Integer> FIVE_DAYS = Map.of(PaperStep.PRINTED, 2, PaperStep.SUBJECT_SIGNED, 3,
            PaperStep.CLASS_TEACHER_CERTIFIED, 4, PaperStep.DEPUTY_ACCEPTED, 5, PaperStep.DIRECTOR_SIGNED_SEALED, 5);
    /** The documents bound by 30 June: the year's class journals and summary statements of final marks. */
    static final List<String> YEAR_END_TYPES = List.of(PrintPackets.CLASS_JOURNAL, "summary-statement");
    static final List<PaperStep> YEAR_END = List.of(PaperStep.PRINTED, PaperStep.DIRECTOR_SIGNED_SEALED,
            PaperStep.BOUND_NUMBERED);

    private final DocumentRegistry registry;
    private final JournalFreezer freezer;
    private final PaperCopies copies;
    private final ZoneId zone;

    PaperDeadlines(DocumentRegistry registry, JournalFreezer freezer, PaperCopies copies) {
        this.registry = registry;
        this.freezer = freezer;
        this.copies = copies;
        this.zone = ZoneId.systemDefault();
    }

    /**
     * The five-day report of a school's period.
     *
     * @param academicYear null: the latest academic year in which the school closed that period
     * @throws PaperCopyException {@code noDocuments} when nothing of the school's period is archived
     */
    public DeadlineReport period(String schoolId, String academicYear, String periodId, LocalDate today) {
        String year = academicYear != null ? academicYear : latestYear(schoolId, periodId);
        List<DeadlineReport.DocumentDeadlines> result = new ArrayList<>();
        for (ArchivedDocument document : latest(new DocumentQuery(schoolId, year, periodId, null))) {
            if (!PrintPackets.CLASS_JOURNAL.equals(document.documentType()) || document.frozenJournalId() == null) {
                continue;
            }
            LocalDate end = freezer.get(document.frozenJournalId()).orElseThrow().journal().schoolClass().period()
                    .end();
            List<PaperCopy> ofDocument = copies.ofDocument(document.id());
            List<DeadlineReport.StepDeadline> steps = new ArrayList<>();
            for (PaperStep step : List.of(PaperStep.PRINTED, PaperStep.SUBJECT_SIGNED,
                    PaperStep.CLASS_TEACHER_CERTIFIED, PaperStep.DEPUTY_ACCEPTED, PaperStep.DIRECTOR_SIGNED_SEALED)) {
                int day = FIVE_DAYS.get(step);
                steps.add(deadline(day, step, end.plusDays(day), ofDocument, today));
            }
            result.add(new DeadlineReport.DocumentDeadlines(document.documentType(), document.classId(),
                    document.className(), document.periodId(), end, steps));
        }
        if (result.isEmpty()) {
            throw new PaperCopyException("noDocuments", schoolId, year == null ? "—" : year, periodId);
        }
        return new DeadlineReport(schoolId, year, periodId, today, result);
    }

    /**
     * The year-end report: every document of the school's academic year, printed, signed and sealed, and bound by
     * 30 June of its end year.
     *
     * @param academicYear null: the school's latest academic year in the registry
     */
    public DeadlineReport yearEnd(String schoolId, String academicYear, LocalDate today) {
        String year = academicYear != null ? academicYear : latestYear(schoolId, null);
        if (year == null) {
            throw new PaperCopyException("noDocuments", schoolId, "—", "—");
        }
        LocalDate due = yearEndDue(year);
        List<DeadlineReport.DocumentDeadlines> result = new ArrayList<>();
        for (ArchivedDocument document : latest(new DocumentQuery(schoolId, year, null, null))) {
            if (!YEAR_END_TYPES.contains(document.documentType())) {
                continue; // destruction acts, extracts … are not bound with the year's journals
            }
            List<PaperCopy> ofDocument = copies.ofDocument(document.id());
            List<DeadlineReport.StepDeadline> steps = new ArrayList<>();
            for (PaperStep step : YEAR_END) {
                steps.add(deadline(0, step, due, ofDocument, today));
            }
            result.add(new DeadlineReport.DocumentDeadlines(document.documentType(), document.classId(),
                    document.className(), document.periodId(), null, steps));
        }
        if (result.isEmpty()) {
            throw new PaperCopyException("noDocuments", schoolId, year, "—");
        }
        return new DeadlineReport(schoolId, year, null, today, result);
    }

    /** 30 June of the year an academic year «2024/2025» ends in. */
    static LocalDate yearEndDue(String academicYear) {
        return LocalDate.of(Integer.parseInt(academicYear.substring(academicYear.indexOf('/') + 1)), 6, 30);
    }

    private DeadlineReport.StepDeadline deadline(int day, PaperStep step, LocalDate due, List<PaperCopy> ofDocument,
            LocalDate today) {
        Optional<DeadlineReport.Done> done = ofDocument.stream()
                .flatMap(c -> c.completion(step).map(e -> new DeadlineReport.Done(e.performedBy(), e.performedAt(),
                        c.copyNumber())).stream())
                .min(Comparator.comparing(DeadlineReport.Done::at));
        DeadlineReport.Status status;
        if (done.isPresent()) {
            status = done.get().at().atZone(zone).toLocalDate().isAfter(due) ? DeadlineReport.Status.DONE_LATE
                    : DeadlineReport.Status.DONE;
        } else {
            status = today.isAfter(due) ? DeadlineReport.Status.OVERDUE : DeadlineReport.Status.PENDING;
        }
        return new DeadlineReport.StepDeadline(day, step, due, done.orElse(null), status);
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
