package ru.journalarchive.cli;

import java.time.Clock;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import ru.journalarchive.papercopies.DeadlineReport;
import ru.journalarchive.papercopies.PaperCopyException;
import ru.journalarchive.papercopies.PaperDeadlines;

/**
 * {@code paper deadlines --school S (--period P | --year-end) [--year Y] [--today DATE]}: each class journal's steps of
 * the five-day close with their due days, done (who, when) or overdue; or the year's documents printed, signed and
 * sealed, and bound by 30 June. Exit code 1 when something is overdue, so that IT can schedule it.
 */
@Component
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE) // fresh option values on every run in one JVM (tests, serve)
@Command(name = "deadlines", mixinStandardHelpOptions = true, resourceBundle = "i18n.cli-papercopies")
class PaperDeadlinesCommand implements Callable<Integer> {

    /** Exit code when a step is overdue. */
    static final int OVERDUE = 1;

    @Option(names = "--school", descriptionKey = "filter.school")
    String school;
    @Option(names = "--period", descriptionKey = "paper.option.period")
    String period;
    @Option(names = "--year", descriptionKey = "filter.year")
    String year;
    @Option(names = "--year-end", descriptionKey = "paper.option.yearEnd")
    boolean yearEnd;
    @Option(names = "--today", descriptionKey = "paper.option.today")
    String today;

    private final PaperDeadlines deadlines;
    private final PaperTexts texts;

    PaperDeadlinesCommand(PaperDeadlines deadlines, PaperTexts texts) {
        this.deadlines = deadlines;
        this.texts = texts;
    }

    @Override
    public Integer call() {
        try {
            String schoolId = PaperInput.required("--school", school);
            String academicYear = PaperInput.academicYear("--year", year);
            LocalDate day = PaperInput.date("--today", today, PaperCommand.today(Clock.systemUTC()));
            if (yearEnd == (period != null)) {
                throw new PaperInput.Refused("paper.input.periodOrYearEnd");
            }
            DeadlineReport report = yearEnd ? deadlines.yearEnd(schoolId, academicYear, day)
                    : deadlines.period(schoolId, academicYear, PaperInput.period("--period", period), day);
            print(report);
            return report.anyOverdue() ? OVERDUE : 0;
        } catch (PaperInput.Refused e) {
            return texts.refused(e);
        } catch (PaperCopyException e) {
            return texts.refused(e);
        }
    }

    private void print(DeadlineReport report) {
        System.out.println(report.periodId() == null
                ? texts.get("paper.deadlines.yearEndHeader", report.schoolId(), report.academicYear(),
                        PaperInput.shown(report.today()))
                : texts.get("paper.deadlines.header", report.schoolId(), report.academicYear(), report.periodId(),
                        PaperInput.shown(report.today())));
        int overdue = 0;
        for (DeadlineReport.DocumentDeadlines document : report.documents()) {
            System.out.println(report.periodId() == null
                    ? texts.get("paper.deadlines.document", document.className(), texts.period(document.periodId()),
                            texts.documentType(document.documentType()))
                    : texts.get("paper.deadlines.journal", document.className(), PaperInput.shown(document.periodEnd())));
            if (document.periodEnd() != null) {
                System.out.println("  " + texts.get("paper.deadlines.day1",
                        PaperInput.shown(document.periodEnd().plusDays(1))));
            }
            for (DeadlineReport.StepDeadline step : document.steps()) {
                String status = switch (step.status()) {
                    case DONE -> texts.get("paper.deadlines.done", step.done().by(), PaperInput.shown(step.done().at()),
                            step.done().copyNumber());
                    case DONE_LATE -> texts.get("paper.deadlines.doneLate", step.done().by(),
                            PaperInput.shown(step.done().at()), step.done().copyNumber());
                    case PENDING -> texts.get("paper.deadlines.pending");
                    case OVERDUE -> texts.get("paper.deadlines.overdue");
                };
                if (step.status() == DeadlineReport.Status.OVERDUE) {
                    overdue++;
                }
                String due = step.day() > 0 ? texts.get("paper.deadlines.dueDay", step.day(), PaperInput.shown(step.due()))
                        : texts.get("paper.deadlines.dueDate", PaperInput.shown(step.due()));
                System.out.println("  " + texts.get("paper.deadlines.step", due, texts.step(step.step()), status));
            }
        }
        System.out.println(overdue == 0 ? texts.get("paper.deadlines.none")
                : texts.get("paper.deadlines.overdueTotal", overdue));
    }
}
