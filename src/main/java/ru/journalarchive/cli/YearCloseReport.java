package ru.journalarchive.cli;

import java.io.PrintStream;
import java.util.List;
import org.springframework.stereotype.Component;
import ru.journalarchive.archiving.SummaryStatementArchiver;
import ru.journalarchive.freezing.RetroactiveChangeReport;
import ru.journalarchive.jobs.JobRun;

/**
 * Prints how a year close ended for the deputy: one line per class, where the PDFs are, the retroactive changes of
 * earlier periods' final marks (old and new value, who entered them when), the classes refused for lack of year marks
 * (pupil — subject), and what to do next. Exit code 0 when every statement is archived, 4 when a class was refused
 * (no year marks, no marks at all), 3 when retroactive changes were reported, 1 when the job failed (1, 4, 3 in that
 * order of precedence).
 */
@Component
class YearCloseReport {

    private final SummaryStatementArchiver archiver;
    private final Messages messages;

    YearCloseReport(SummaryStatementArchiver archiver, Messages messages) {
        this.archiver = archiver;
        this.messages = messages;
    }

    int print(String schoolId, String academicYear, JobRun run, PrintStream out, PrintStream err) {
        List<SummaryStatementArchiver.Result> results = archiver.archived(schoolId, academicYear);
        out.println();
        out.println(messages.get("yearclose.header", schoolId, academicYear));
        if (results.isEmpty()) {
            out.println(messages.get("yearclose.none"));
        }
        long archived = 0;
        long pending = 0;
        boolean changes = false;
        boolean refused = false;
        for (SummaryStatementArchiver.Result r : results) {
            SummaryStatementArchiver.Status status = r.status();
            if (status == SummaryStatementArchiver.Status.ARCHIVED) {
                archived++;
            } else if (status == SummaryStatementArchiver.Status.PENDING) {
                pending++;
            }
            out.println(messages.get("yearclose.class." + status.name(), r.className(), r.pageCount()));
            r.pdfLocations().forEach(p -> out.println("      " + p));
            refused |= status.refused();
            r.missingYearMarks().forEach(m -> out.println("      "
                    + messages.get("completeness.missing.line", m.studentName(), m.subjectName())));
            changes |= !r.retroactiveChanges().isEmpty();
        }
        out.println(messages.get("yearclose.summary", archived, 0, pending));
        if (changes) {
            err.println();
            err.println(messages.get("yearclose.retroactive.header"));
            for (SummaryStatementArchiver.Result r : results) {
                for (RetroactiveChangeReport report : r.retroactiveChanges()) {
                    err.println(messages.get("yearclose.retroactive.class", r.className(), report.periodId(),
                            report.changes().size()));
                    report.changes().forEach(c -> err.println("    " + RetroactiveChangeText.describe(messages, c)));
                }
            }
        }
        if (!run.completed()) {
            err.println(messages.get("yearclose.failed", run.status()));
            run.failures().forEach(f -> err.println("  " + f));
            return 1;
        }
        if (archived > 0) {
            out.println(messages.get("yearclose.sign", schoolId, academicYear));
        }
        if (refused) {
            err.println(messages.get("yearclose.refused.hint"));
            return CloseCommand.INCOMPLETE;
        }
        return changes ? CloseCommand.RETROACTIVE_CHANGES : 0;
    }
}
