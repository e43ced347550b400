package ru.journalarchive.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A data directory created by an older archive (zonky's {@code initdb -A trust}, no password file) is migrated on its
 * next start: its data kept, the superuser given a random password (file 0600), {@code pg_hba.conf} rewritten to
 * SCRAM only, said in one log line; the start after that changes nothing and says nothing.
 */
@ExtendWith(OutputCaptureExtension.class)
class OldTrustDataDirectoryIsMigratedTest {

    private static final Path BINARIES = Path.of("target/embedded-pg-binaries");

    @Test
    void anOldTrustDataDirectoryKeepsItsDataAndAcceptsOnlyThePassword(CapturedOutput output) throws Exception {
        Path data = Path.of("target/test-data", "old-trust-" + UUID.randomUUID()).toAbsolutePath();
        Path dataDirectory = data.resolve("postgres");
        try (EmbeddedPostgres old = EmbeddedPostgres.builder().setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false).setOverrideWorkingDirectory(BINARIES.toFile()).start();
                Connection c = old.getPostgresDatabase().getConnection()) {
            c.createStatement().execute("CREATE TABLE kept (note text); INSERT INTO kept VALUES ('до перехода')");
        }
        assertThat(Files.readString(dataDirectory.resolve("pg_hba.conf"))).contains("trust");
        DatabaseProperties properties = new DatabaseProperties(dataDirectory, 0, BINARIES);
        Path passwordFile = dataDirectory.resolveSibling("postgres-private/password");

        int port;
        EmbeddedPostgresConfiguration configuration = new EmbeddedPostgresConfiguration();
        try (DataDirectoryLock lock = configuration.dataDirectoryLock(properties);
                EmbeddedPostgres migrated = configuration.embeddedPostgres(properties, lock)) {
            port = migrated.getPort();
            DataSource pool = configuration.dataSource(migrated, properties);
            assertThat(JdbcClient.create(pool).sql("SELECT note FROM kept").query(String.class).single())
                    .isEqualTo("до перехода");
            ((AutoCloseable) pool).close();
            assertThat(Files.readString(dataDirectory.resolve("pg_hba.conf"))).doesNotContain("trust");
            assertThatThrownBy(() -> DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port
                    + "/postgres?user=postgres")).isInstanceOf(SQLException.class);
            assertThat(Files.getPosixFilePermissions(passwordFile))
                    .isEqualTo(PrivateFolders.OWNER_ONLY_FILE);
        }
        assertThat(output.getAll().lines().filter(l -> l.contains("переведена на вход только по паролю")))
                .singleElement().asString().contains(dataDirectory.toString(), passwordFile.toString());

        String password = Files.readString(passwordFile);
        try (DataDirectoryLock lock = configuration.dataDirectoryLock(properties);
                EmbeddedPostgres again = configuration.embeddedPostgres(properties, lock)) {
            try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + again.getPort()
                    + "/postgres", "postgres", password.strip())) {
                assertThat(c.isValid(5)).isTrue();
            }
        }
        assertThat(Files.readString(passwordFile)).isEqualTo(password);
        assertThat(output.getAll().lines().filter(l -> l.contains("переведена на вход только по паролю")))
                .hasSize(1);
    }
}
