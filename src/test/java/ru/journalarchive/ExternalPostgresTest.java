package ru.journalarchive;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import ru.journalarchive.support.Cli;

/**
 * The production set-up: an external PostgreSQL given by URL (here a separate PostgreSQL server the test starts);
 * the archive starts no database of its own, Flyway creates every table there, and a close works.
 */
@SpringBootTest
@ActiveProfiles("test")
class ExternalPostgresTest {

    private static final EmbeddedPostgres EXTERNAL = start();

    @DynamicPropertySource
    static void externalDatabase(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> EXTERNAL.getJdbcUrl("postgres", "postgres"));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
    }

    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcClient jdbc;

    @AfterAll
    static void stop() throws IOException {
        EXTERNAL.close();
    }

    @Test
    void theArchiveUsesTheConfiguredDatabaseAndStartsNoneOfItsOwn() {
        assertThat(context.getBeansOfType(EmbeddedPostgres.class)).isEmpty();
        assertThat(jdbc.sql("SELECT current_setting('port')").query(String.class).single())
                .isEqualTo(String.valueOf(EXTERNAL.getPort()));
        assertThat(jdbc.sql("SELECT count(*) FROM flyway_schema_history WHERE success").query(Long.class).single())
                .isGreaterThanOrEqualTo(2);

        Cli.Result result = new Cli(context).run("close", Path.of("archive-format/examples/example-school.json").toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM archived_document").query(Long.class).single()).isEqualTo(4);
    }

    private static EmbeddedPostgres start() {
        try {
            return EmbeddedPostgres.builder().start();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
