package ru.journalarchive.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import ru.journalarchive.archiving.ImportResult;
import ru.journalarchive.archiving.SnapshotIntake;
import ru.journalarchive.jobs.DirectorSignLauncher;
import ru.journalarchive.jobs.JobRun;
import ru.journalarchive.jobs.PeriodCloseLauncher;
import ru.journalarchive.jobs.YearCloseLauncher;
import ru.journalarchive.registry.DocumentQuery;
import ru.journalarchive.security.Accounts;
import ru.journalarchive.security.Role;
import ru.journalarchive.synthetic.SyntheticSchoolGenerator;

/**
 * The embedded demo of {@code serve --demo}: the example school's snapshot (fictional pupils) imported, closed and
 * signed with the demo key, and one demo user per role for that school, whose passwords are new random ones on every
 * start (printed once, never stored in clear). Nothing here is for real schools.
 */
@Component
class DemoData {

    /** The example snapshot shipped in the jar (archive-format/examples). */
    static final String EXAMPLE = "archive-format/examples/example-school.json";

    /** A demo user and the password it has until the next start. */
    record DemoUser(String login, Role role, String password) {
    }

    /** What the demo set up; {@code toUpload} is a generated snapshot of the next quarter, for trying an upload. */
    record Demo(String schoolId, JobRun close, JobRun sign, List<DemoUser> users, Path toUpload) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String LETTERS = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private final SnapshotIntake intake;
    private final PeriodCloseLauncher closes;
    private final YearCloseLauncher yearCloses;
    private final DirectorSignLauncher signs;
    private final Accounts accounts;

    private final Path dataDirectory;

    DemoData(@org.springframework.beans.factory.annotation.Value("${archive.data-directory}") Path dataDirectory,
            SnapshotIntake intake, PeriodCloseLauncher closes, YearCloseLauncher yearCloses,
            DirectorSignLauncher signs, Accounts accounts) {
        this.dataDirectory = dataDirectory;
        this.intake = intake;
        this.closes = closes;
        this.yearCloses = yearCloses;
        this.signs = signs;
        this.accounts = accounts;
    }

    /** Imports, closes and signs the example school (each step resumes or is skipped if already done). */
    Demo setUp() {
        ImportResult imported = importExample();
        String school = imported.snapshot().schoolId();
        JobRun close = closes.close(imported.snapshot().id());
        if (close.completed()) {
            yearCloses.closeIfLastPeriod(imported.snapshot().id());
        }
        JobRun sign = signs.sign(new DocumentQuery(school, null, null, null));
        List<DemoUser> users = new ArrayList<>();
        for (Role role : Role.values()) {
            String login = "demo-" + role.name().toLowerCase().replace("_admin", "");
            String password = password();
            if (accounts.find(login).isPresent()) {
                accounts.setPassword(login, password);
            } else {
                accounts.create(login, password, role, Set.of(school));
            }
            users.add(new DemoUser(login, role, password));
        }
        return new Demo(school, close, sign, users, generated(school, imported.snapshot().academicYear()));
    }

    private ImportResult importExample() {
        try (InputStream in = new ClassPathResource(EXAMPLE).getInputStream()) {
            Path file = Files.createTempFile("demo-example-school", ".json");
            try {
                Files.copy(in, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                return intake.importFile(file);
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A generated snapshot of the school's third quarter (fictional pupils) for the deputy to upload. */
    private Path generated(String school, String academicYear) {
        Path file = dataDirectory.resolve("demo").resolve("snapshot-" + school + "-Q3.json").toAbsolutePath();
        try {
            GenerateCommand.write(new SyntheticSchoolGenerator.Options(60, 7, school, academicYear, "Q3"), file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** A random 16-character password meeting the policy (letters of both cases, digits, a dash). */
    static String password() {
        StringBuilder b = new StringBuilder("Demo-");
        for (int i = 0; i < 9; i++) {
            b.append(LETTERS.charAt(RANDOM.nextInt(LETTERS.length())));
        }
        return b.append("-7").toString();
    }
}
