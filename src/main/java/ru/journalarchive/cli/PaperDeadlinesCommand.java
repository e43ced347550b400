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
import ru.journalarchive.regulations.RegulationProfile;
import ru.journalarchive.regulations.Regulations;

/**
 * {@code paper deadlines --school S (--period P | --year-end) [--year Y] [--today DATE]}: the school's regime decides
 * (its regulation profile): each class journal's steps of the five-day close with their due days and the day-2
 * backups, done (who, when) or overdue; a college's per-period steps without days; the year's documents by 30 June;
 * under on demand and none the reason there are no deadlines. Exit code 1 when something is overdue, so that IT can
 * schedule it; 0 when the regime has no deadlines.
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

    private final Regulations regulations;

    PaperDeadlinesCommand(PaperDeadlines deadlines, PaperTexts texts, Regulations regulations) {
        this.deadlines = deadlines;
        this.texts = texts;
        this.regulations = regulations;
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
        System.out.println(texts.get("paper.regime.profile", report.regulation()));
        if (!report.listsDeadlines()) {
            System.out.println(switch (report.regime()) {
                case NONE -> texts.get("paper.regime.none", report.basis());
                case ON_DEMAND -> texts.get("paper.regime.onDemand");
                default -> texts.get("paper.regime.yearlyOnly", report.schoolId());
            });
            return;
        }
        boolean fiveDay = report.regime() == RegulationProfile.PaperRegime.FIVE_DAY_PER_PERIOD;
        System.out.println(report.periodId() == null
                ? texts.get(report.regime() == RegulationProfile.PaperRegime.PER_PERIOD
                        ? "paper.regime.perPeriodYearHeader" : "paper.deadlines.yearEndHeader", report.schoolId(),
                        report.academicYear(), PaperInput.shown(report.today()))
                : texts.get(fiveDay ? "paper.deadlines.header" : "paper.regime.perPeriodHeader", report.schoolId(),
                        report.academicYear(), report.periodId(), PaperInput.shown(report.today())));
        if (report.documents().isEmpty()) {
            System.out.println(texts.get("paper.regime.noDocuments"));
        }
        int overdue = 0;
        boolean college = regulations.forSchool(report.schoolId()).isCollege();
        for (DeadlineReport.DocumentDeadlines document : report.documents()) {
            String unit = texts.unit(document.className(), college);
            System.out.println(report.periodId() == null
                    ? texts.get("paper.deadlines.document", unit, texts.period(document.periodId(), college),
                            texts.documentType(document.documentType()))
                    : texts.get("paper.deadlines.journal", unit, PaperInput.shown(document.periodEnd())));
            if (document.periodEnd() != null && fiveDay) {
                System.out.println("  " + texts.get("paper.deadlines.day1",
                        PaperInput.shown(document.periodEnd().plusDays(1))));
            }
            for (DeadlineReport.StepDeadline step : document.steps()) {
                String status = switch (step.status()) {
                    case DONE -> texts.get("paper.deadlines.done", step.done().by(), PaperInput.shown(step.done().at()),
                            step.done().copyNumber());
                    case DONE_LATE -> texts.get("paper.deadlines.doneLate", step.done().by(),
                            PaperInput.shown(step.done().at()), step.done().copyNumber());
                    case PENDING -> texts.get(step.due() == null ? "paper.regime.notDone" : "paper.deadlines.pending");
                    case OVERDUE -> texts.get("paper.deadlines.overdue");
                };
                if (step.status() == DeadlineReport.Status.OVERDUE) {
                    overdue++;
                }
                String due = step.due() == null ? texts.get("paper.regime.noDue")
                        : step.day() > 0 ? texts.get("paper.deadlines.dueDay", step.day(), PaperInput.shown(step.due()))
                        : texts.get("paper.deadlines.dueDate", PaperInput.shown(step.due()));
                System.out.println("  " + texts.get("paper.deadlines.step", due, texts.step(step.step()), status));
            }
        }
        if (!report.backups().isEmpty()) {
            System.out.println(texts.get("paper.backup.header"));
        }
        for (DeadlineReport.BackupDeadline b : report.backups()) {
            String what = texts.get((b.handOver() ? "paper.backup.handed." : "paper.backup.written.") + b.mediumType());
            String status = switch (b.status()) {
                case DONE, DONE_LATE -> texts.get(b.handOver() ? "paper.backup.handedDone" : "paper.backup.writtenDone",
                        b.by() == null ? "—" : b.by(), PaperInput.shown(b.at()), b.mediumId())
                        + (b.status() == DeadlineReport.Status.DONE_LATE ? " " + texts.get("paper.backup.late") : "");
                case PENDING -> texts.get("paper.deadlines.pending");
                case OVERDUE -> texts.get("paper.deadlines.overdue");
            };
            if (b.status() == DeadlineReport.Status.OVERDUE) {
                overdue++;
            }
            System.out.println("  " + texts.get("paper.deadlines.step", texts.get("paper.deadlines.dueDay", b.day(),
                    PaperInput.shown(b.due())), what, status));
            if (b.status() == DeadlineReport.Status.PENDING || b.status() == DeadlineReport.Status.OVERDUE) {
                System.out.println("    " + (b.handOver() ? texts.get("paper.backup.handOverHint")
                        : texts.get("paper.backup.exportHint", report.schoolId(), report.academicYear(),
                                report.periodId(), b.mediumType())));
            }
        }
        System.out.println(overdue == 0 ? texts.get("paper.deadlines.none")
                : texts.get("paper.deadlines.overdueTotal", overdue));
    }
}
