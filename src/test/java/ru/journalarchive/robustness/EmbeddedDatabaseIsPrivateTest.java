package ru.journalarchive.robustness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.ActiveProfiles;

/**
 * The embedded PostgreSQL is private to the service's user: {@code pg_hba.conf} has no {@code trust}, a login
 * without the password (or with a wrong one) is refused, the password file is 0600, the data and binaries folders are
 * 0700 and none of them (nor the running postgres binary) lies in the shared temporary folder; no Unix socket, the
 * loopback only.
 */
@SpringBootTest
@ActiveProfiles("test")
class EmbeddedDatabaseIsPrivateTest {

    @Autowired
    JdbcClient jdbc;
    @Value("${archive.database.binaries-directory}")
    Path binaries;

    @Test
    void onlyTheServiceWithThePasswordFileGetsIn() throws Exception {
        Path dataDirectory = Path.of(setting("data_directory"));
        Path hba = Path.of(setting("hba_file"));
        String url = "jdbc:postgresql://127.0.0.1:" + setting("port") + "/postgres";

        assertThat(Files.readString(hba)).doesNotContainIgnoringCase("trust").contains("scram-sha-256");
        assertThat(setting("password_encryption")).isEqualTo("scram-sha-256");
        assertThat(setting("unix_socket_directories")).isEmpty();
        assertThat(setting("listen_addresses")).isEqualTo("127.0.0.1");

        assertThatThrownBy(() -> connect(url, null)).isInstanceOf(SQLException.class)
                .hasMessageContaining("password");
        assertThatThrownBy(() -> connect(url, "not-the-password")).isInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("28P01"));

        Path passwordFile = dataDirectory.resolveSibling(dataDirectory.getFileName() + "-private").resolve("password");
        assertThat(mode(passwordFile)).isEqualTo("rw-------");
        try (Connection connection = connect(url, Files.readString(passwordFile).strip())) {
            assertThat(connection.isValid(5)).isTrue();
        }
    }

    @Test
    void dataAndBinariesAreTheServicesOwnFoldersOutsideTheSharedTemporaryFolder() throws Exception {
        Path dataDirectory = Path.of(setting("data_directory")).toRealPath();
        Path binariesDirectory = binaries.toRealPath();
        Path tmp = Path.of(System.getProperty("java.io.tmpdir")).toRealPath();

        assertThat(mode(dataDirectory)).isEqualTo("rwx------");
        assertThat(mode(dataDirectory.resolveSibling(dataDirectory.getFileName() + "-private"))).isEqualTo("rwx------");
        assertThat(mode(binariesDirectory)).isEqualTo("rwx------");
        // The service's own folders (here the project's target/, wherever the clone is), never the shared temporary
        // folder's own entries such as zonky's default /tmp/embedded-pg.
        Path project = Path.of(System.getProperty("user.dir")).toRealPath();
        for (Path own : List.of(dataDirectory, binariesDirectory)) {
            assertThat(own).startsWith(project);
            assertThat(project.equals(tmp) || tmp.startsWith(project)).as("%s is the temporary folder", project)
                    .isFalse();
        }
        assertThat(binariesDirectory.startsWith(tmp.resolve("embedded-pg"))).isFalse();

        long postmaster = Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).strip());
        String command = ProcessHandle.of(postmaster).orElseThrow().info().command().orElseThrow();
        assertThat(Path.of(command).toRealPath()).startsWith(binariesDirectory);
    }

    private String setting(String name) {
        return jdbc.sql("SELECT current_setting('" + name + "')").query(String.class).single();
    }

    private static Connection connect(String url, String password) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", "postgres");
        if (password != null) {
            properties.setProperty("password", password);
        }
        properties.setProperty("connectTimeout", "5");
        return DriverManager.getConnection(url, properties);
    }

    private static String mode(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
