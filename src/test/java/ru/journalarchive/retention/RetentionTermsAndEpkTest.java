package ru.journalarchive.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import ru.journalarchive.support.Cli;
import ru.journalarchive.support.Snapshots;

/**
 * A records clerk edits a policy file: a changed term recomputes the destruction dates of every record of the class
 * that is not destroyed, with an event per record; a class marked ЭПК goes to the expert commission's list, never
 * into an act. The edited policies are loaded from a folder as the application loads them at start-up, against the
 * real registry.
 */
@SpringBootTest
@ActiveProfiles("test")
class RetentionTermsAndEpkTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    RetentionEvents events;
    @Autowired
    PlatformTransactionManager transactionManager;

    @TempDir
    Path tmp;

    @Test
    void aLongerTermRecomputesTheDatesOfRecordsNotYetDestroyedAndLogsEachChange() throws Exception {
        Cli cli = new Cli(context);
        assertThat(cli.run("close", Snapshots.generate(tmp, "ret-term", 30, 11L).toString()).exitCode()).isZero();
        List<UUID> ids = jdbc.sql("SELECT id FROM archived_document WHERE school_id = 'ret-term' ORDER BY id")
                .query(UUID.class).list();
        UUID destroyed = ids.get(0);
        jdbc.sql("INSERT INTO document_tombstone (document_id, act_id, act_number, destroyed_at, destroyed_by) "
                + "VALUES (?, ?, '1/2031', now(), 'test')").params(destroyed, UUID.randomUUID()).update();
        Path folder = editedPolicies(tmp.resolve("six"), "termYears: 5", "termYears: 6");

        var changes = new RetentionTerms(RetentionPolicies.load(folder.toUri().toString()), jdbc, events,
                transactionManager).synchronise();

        assertThat(changes).singleElement().satisfies(c -> {
            assertThat(c.recordClass()).isEqualTo("class-journal");
            assertThat(c.oldTerm()).isEqualTo("5");
            assertThat(c.newTerm()).isEqualTo("6");
        });
        for (UUID id : ids) {
            LocalDate date = jdbc.sql("SELECT eligible_for_destruction_from FROM document_retention WHERE document_id = ?")
                    .param(id).query(LocalDate.class).single();
            assertThat(date).as("document %s", id)
                    .isEqualTo(id.equals(destroyed) ? LocalDate.of(2031, 1, 1) : LocalDate.of(2032, 1, 1));
        }
        List<RetentionEvents.Event> logged = events.since(null);
        assertThat(logged).filteredOn(e -> e.type().equals("term-changed")).singleElement()
                .satisfies(e -> assertThat(e.detail()).contains("было 5").contains("стало 6"));
        assertThat(logged).filteredOn(e -> e.type().equals("date-recomputed") && ids.contains(e.documentId()))
                .hasSize(ids.size() - 1)
                .allSatisfy(e -> assertThat(e.detail()).contains("было 2031-01-01").contains("стало 2032-01-01"));

        var again = new RetentionTerms(RetentionPolicies.load(folder.toUri().toString()), jdbc, events,
                transactionManager).synchronise();
        assertThat(again).as("an unchanged term recomputes nothing").isEmpty();
        // Back to the shipped five years for the other tests sharing this database.
        new RetentionTerms(RetentionPolicies.shipped(), jdbc, events, transactionManager).synchronise();
    }

    @Test
    void anEpkClassGoesToTheExpertCommissionsListAndNeverIntoTheEligibleOnes() throws Exception {
        Cli cli = new Cli(context);
        assertThat(cli.run("close", Snapshots.generate(tmp, "ret-epk", 30, 12L).toString()).exitCode()).isZero();
        Path folder = editedPolicies(tmp.resolve("epk"), "epk: false", "epk: true");

        RetentionReviewResult result = new RetentionReview(jdbc, RetentionPolicies.load(folder.toUri().toString()))
                .review(2031, "ret-epk");

        assertThat(result.eligible()).isEmpty();
        assertThat(result.epk()).isNotEmpty().allSatisfy(f -> assertThat(f.recordClass()).isEqualTo("class-journal"));
        assertThat(result.held()).isEmpty();
    }

    /** The shipped policies copied to a folder, with one replacement in class-journal.yaml. */
    private static Path editedPolicies(Path folder, String from, String to) throws Exception {
        Files.createDirectories(folder);
        for (RetentionPolicy policy : RetentionPolicies.shipped().all()) {
            String name = policy.recordClass() + ".yaml";
            try (var in = RetentionTermsAndEpkTest.class.getResourceAsStream("/retention-policies/" + name)) {
                String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                Files.writeString(folder.resolve(name), name.equals("class-journal.yaml") ? text.replace(from, to) : text);
            }
        }
        return folder;
    }
}
