package ru.journalarchive.jobs;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import ru.journalarchive.archiving.JournalCorrected;
import ru.journalarchive.freezing.SummaryStatements;

/**
 * Rebuilds the summary statement of a class whose year is closed when one of its period journals is corrected: runs
 * {@code yearCloseJob} for the school's year, which makes the statement's next version from the corrected journal
 * (the other classes' statements are unchanged and stay as they are). A failure is logged and left to
 * {@code year-close}, which resumes it; the correction itself stands.
 */
@Component
class StatementRebuild {

    private static final Logger log = LoggerFactory.getLogger(StatementRebuild.class);

    private final SummaryStatements statements;
    private final YearCloseLauncher launcher;

    StatementRebuild(SummaryStatements statements, YearCloseLauncher launcher) {
        this.statements = statements;
        this.launcher = launcher;
    }

    @EventListener
    void on(JournalCorrected corrected) {
        if (!statements.classesClosingYear(corrected.schoolId(), corrected.academicYear())
                .contains(corrected.classId())) {
            return; // the year is not closed yet: the year close will build from the corrected journal
        }
        try {
            JobRun run = launcher.close(corrected.schoolId(), corrected.academicYear());
            log.info("Summary statements of {} {} rebuilt after the correction of class {} {}: {}",
                    corrected.schoolId(), corrected.academicYear(), corrected.classId(), corrected.periodId(),
                    run.status());
        } catch (RuntimeException e) {
            log.error("Summary statement of class {} of {} {} not rebuilt after its correction ({}); run year-close",
                    corrected.classId(), corrected.schoolId(), corrected.academicYear(), e.toString());
        }
    }
}
