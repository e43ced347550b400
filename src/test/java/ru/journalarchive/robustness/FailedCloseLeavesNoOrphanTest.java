package ru.journalarchive.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import ru.journalarchive.storage.ObjectKeys;
import ru.journalarchive.storage.StorageLocations;
import ru.journalarchive.support.Cli;

/**
 * A close that writes a class's PDF and JSON to both locations and then fails to register them (here: the search
 * index refuses that class, by a test-only trigger, whatever the input) leaves the class FAILED with a Russian reason,
 * never PENDING, and its objects explained as an unfinished close, never orphans; the rerun registers the same objects
 * and everything verifies.
 */
@SpringBootTest(properties = "archive.test.context=failed-close")
@ActiveProfiles("test")
class FailedCloseLeavesNoOrphanTest {

    static final Path EXAMPLE = Path.of("archive-format/examples/example-school.json");

    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    StorageLocations locations;

    @Test
    void theFailedClassIsFailedItsObjectsAreAnUnfinishedCloseAndTheRerunCompletesIt() throws Exception {
        jdbc.sql("""
                CREATE FUNCTION test_refuse_index_of_5a() RETURNS trigger AS $$
                BEGIN
                    IF NEW.class_id = '5a' THEN
                        RAISE EXCEPTION 'test fault: the search index refuses class 5a';
                    END IF;
                    RETURN NEW;
                END;
                $$ LANGUAGE plpgsql""").update();
        jdbc.sql("""
                CREATE TRIGGER test_refuse_index_of_5a BEFORE INSERT ON pupil_occurrence
                    FOR EACH ROW EXECUTE FUNCTION test_refuse_index_of_5a()""").update();
        Cli cli = new Cli(context);

        Cli.Result failed = cli.run("close", EXAMPLE.toString());

        assertThat(failed.exitCode()).as(failed.out() + failed.err()).isEqualTo(1);
        assertThat(failed.err()).contains("5А, не закрыт: сбой при сохранении или регистрации документа")
                .contains("повторите закрытие");
        Map<String, Object> row = jdbc.sql("""
                SELECT close_status, close_message, document_id FROM snapshot_import_class WHERE class_id = '5a'""")
                .query().singleRow();
        assertThat(row.get("close_status")).isEqualTo("FAILED");
        assertThat((String) row.get("close_message")).startsWith("не закрыт: ");
        assertThat(row.get("document_id")).isNull();
        assertThat(jdbc.sql("SELECT count(*) FROM snapshot_import_class WHERE close_status = 'PENDING'")
                .query(Long.class).single()).isZero();
        String key = ObjectKeys.classJournalPdf("sosh-7", "2024/2025", "Q2", "5a", 1);
        assertThat(jdbc.sql("SELECT object_key FROM pending_write ORDER BY object_key").query(String.class).list())
                .containsExactly(ObjectKeys.classJournalJson("sosh-7", "2024/2025", "Q2", "5a", 1), key);
        for (String site : new String[] {"site-a", "site-b"}) {
            assertThat(Files.exists(Path.of(locations.get(site).describe(key)))).as("written to " + site).isTrue();
        }

        Cli.Result verify = cli.run("verify");
        assertThat(verify.exitCode()).isEqualTo(1);
        assertThat(verify.err()).contains("НЕЗАВЕРШЁННОЕ ЗАКРЫТИЕ: место «site-a», ключ " + key
                        + " — класс «5А», 2 четверть: повторите закрытие")
                .contains("НЕЗАВЕРШЁННОЕ ЗАКРЫТИЕ: место «site-b», ключ " + key)
                .doesNotContain("ЛИШНИЙ ОБЪЕКТ");

        jdbc.sql("DROP TRIGGER test_refuse_index_of_5a ON pupil_occurrence").update();
        Cli.Result rerun = cli.run("close", EXAMPLE.toString());

        assertThat(rerun.exitCode()).as(rerun.out() + rerun.err()).isZero();
        assertThat(jdbc.sql("SELECT close_status FROM snapshot_import_class WHERE class_id = '5a'")
                .query(String.class).single()).isEqualTo("CLOSED");
        assertThat(jdbc.sql("SELECT count(*) FROM archived_object WHERE object_key = ?").param(key)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM pending_write").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM pupil_occurrence WHERE class_id = '5a'").query(Long.class)
                .single()).isPositive();
        Cli.Result clean = cli.run("verify");
        assertThat(clean.exitCode()).as(clean.out() + clean.err()).isZero();
        assertThat(UUID.fromString(jdbc.sql("SELECT document_id::text FROM snapshot_import_class WHERE class_id = '5a'")
                .query(String.class).single())).isNotNull();
    }
}
