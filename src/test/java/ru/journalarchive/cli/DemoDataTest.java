package ru.journalarchive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import ru.journalarchive.archiving.ImportResult;
import ru.journalarchive.archiving.SnapshotIntake;
import ru.journalarchive.registry.ArchivedDocument;
import ru.journalarchive.registry.DocumentQuery;
import ru.journalarchive.registry.DocumentRegistry;
import ru.journalarchive.security.Accounts;
import ru.journalarchive.security.Role;

/**
 * {@code serve --demo}'s set-up against a real embedded PostgreSQL and storage: the example school is closed and every
 * document signed, each demo user logs in with the password printed for it (and only this start's password), and the
 * generated snapshot offered for a trial upload is accepted by the real intake.
 */
@SpringBootTest
@ActiveProfiles("test")
class DemoDataTest {

    @Autowired
    DemoData demo;
    @Autowired
    DocumentRegistry registry;
    @Autowired
    Accounts accounts;
    @Autowired
    SnapshotIntake intake;

    @Test
    void theDemoSchoolIsClosedAndSignedAndEachDemoUserLogsInWithThePrintedPassword() {
        DemoData.Demo first = demo.setUp();
        assertThat(first.close().completed()).isTrue();
        assertThat(first.sign().completed()).isTrue();
        List<ArchivedDocument> documents = registry.list(new DocumentQuery(first.schoolId(), null, null, null));
        assertThat(documents).isNotEmpty();
        assertThat(registry.unsigned(new DocumentQuery(first.schoolId(), null, null, null))).isEmpty();
        assertThat(first.users()).extracting(DemoData.DemoUser::role).containsExactly(Role.values());
        for (DemoData.DemoUser user : first.users()) {
            assertThat(accounts.check(user.login(), user.password()).outcome()).isEqualTo(Accounts.Outcome.OK);
            assertThat(accounts.find(user.login()).orElseThrow().schools()).containsExactly(first.schoolId());
        }

        // A second start renews the passwords: the first start's no longer open the archive. Nothing is closed twice.
        DemoData.Demo second = demo.setUp();
        assertThat(second.close().alreadyComplete()).isTrue();
        assertThat(registry.list(new DocumentQuery(first.schoolId(), null, null, null))).hasSameSizeAs(documents);
        DemoData.DemoUser before = first.users().get(0);
        assertThat(accounts.check(before.login(), before.password()).outcome())
                .isEqualTo(Accounts.Outcome.WRONG_PASSWORD);
        assertThat(accounts.check(before.login(), second.users().get(0).password()).outcome())
                .isEqualTo(Accounts.Outcome.OK);

        ImportResult upload = intake.importFile(second.toUpload());
        assertThat(upload.snapshot().schoolId()).isEqualTo(first.schoolId());
        assertThat(upload.snapshot().classes()).isNotEmpty();
    }
}
