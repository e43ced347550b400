package ru.journalarchive.jobs;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import ru.journalarchive.freezing.CanonicalJson;
import ru.journalarchive.registry.ImportedSnapshot;
import ru.journalarchive.registry.SnapshotImports;

/**
 * Runs {@code yearCloseJob} for a school's academic year: resumes the last generation if it did not complete,
 * otherwise starts the next (classes already archived are left as they are); and decides whether a closed snapshot
 * closed the last period of the year, so that the close runs the year close after it.
 */
@Component
public class YearCloseLauncher {

    private static final Set<String> LAST_PERIODS = Set.of("Q4", "H2");

    private final JobRuns runs;
    private final Job job;
    private final SnapshotImports imports;

    YearCloseLauncher(JobRuns runs, @Qualifier(YearCloseJobConfiguration.JOB_NAME) Job job, SnapshotImports imports) {
        this.runs = runs;
        this.job = job;
        this.imports = imports;
    }

    /** Builds and archives the summary statements of the school's year (synchronously). */
    public JobRun close(String schoolId, String academicYear) {
        return runs.startNextOrResume(job, generation -> parameters(schoolId, academicYear, generation));
    }

    /**
     * The year close after a period close: run when the import holds a class closing Q4 or H2, or a class whose
     * re-close was accepted as a supplement (its statement, if the year is closed, gets its next version), else
     * empty (a last period refused as incomplete starts no year close). Classes of a school's grade 1 keep no marks and get no statement; a college's course 1 does.
     */
    public Optional<JobRun> closeIfLastPeriod(UUID importId) {
        ImportedSnapshot snapshot = imports.get(importId);
        boolean last = snapshot.classes().stream().anyMatch(c -> LAST_PERIODS.contains(c.periodId())
                && (c.grade() > 1 || collegeGroup(importId, c.classId())) // Completeness.keepsMarks, without reading each journal
                && !c.status().incomplete());
        // A supplement after the close (of any period) makes a new journal version: a closed year's statement follows.
        boolean supplemented = snapshot.classes().stream()
                .anyMatch(c -> c.status() == ImportedSnapshot.CloseStatus.SUPPLEMENTED);
        return last || supplemented ? Optional.of(close(snapshot.schoolId(), snapshot.academicYear())) : Optional.empty();
    }

    private boolean collegeGroup(UUID importId, String classId) {
        return CanonicalJson.read(imports.journalJson(importId, classId)).school().isCollege();
    }

    private static JobParameters parameters(String schoolId, String academicYear, long generation) {
        return new JobParametersBuilder()
                .addString(YearCloseJobConfiguration.SCHOOL, schoolId)
                .addString(YearCloseJobConfiguration.YEAR, academicYear)
                .addLong(YearCloseJobConfiguration.GENERATION, generation)
                .toJobParameters();
    }
}
