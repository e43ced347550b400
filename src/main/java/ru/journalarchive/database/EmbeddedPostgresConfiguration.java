package ru.journalarchive.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Starts the embedded PostgreSQL 17 (zonky) as the default database when {@code spring.datasource.url} is not set;
 * production may configure an external PostgreSQL by URL instead (see {@code docs/database.md}). The embedded one is
 * private to the service's user: binaries in {@code archive.database.binaries-directory} (0700), data 0700, logins
 * by a random password only (kept 0600 in {@code <data directory>-private/password}), loopback TCP only and no Unix
 * socket; one archive command per data directory, and a postgres orphaned by a killed run is stopped first.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

    /** Zonky's builder scans (and creates) its parent folder, {@code /tmp/embedded-pg} unless this says otherwise. */
    private static final String ZONKY_PARENT_PROPERTY = "ot.epg.working-dir";

    /** The lock that makes this process the only archive command on the data directory, until it ends. */
    @Bean(destroyMethod = "close")
    DataDirectoryLock dataDirectoryLock(DatabaseProperties properties) throws IOException {
        Path dataDir = properties.embeddedDataDirectory().toAbsolutePath().normalize();
        Path privateDir = PrivateFolders.ensure(privateDirectory(dataDir));
        return DataDirectoryLock.acquire(privateDir.resolve("archive.lock"), dataDir);
    }

    /** Started only while this process holds the {@code lock} (so a postgres already running there is an orphan). */
    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(DatabaseProperties properties, DataDirectoryLock lock) throws IOException {
        Path dataDir = properties.embeddedDataDirectory().toAbsolutePath().normalize();
        Path binaries = PrivateFolders.ensure(properties.binariesDirectory().toAbsolutePath().normalize());
        Path passwordFile = privateDirectory(dataDir).resolve("password");
        OrphanedPostgres.stopIfAny(dataDir);
        boolean existed = Files.exists(dataDir.resolve("postgresql.conf"));
        PrivateFolders.ensure(dataDir);
        DatabasePassword password = DatabasePassword.readOrCreate(passwordFile);
        PostgresBinaries resolver = new PostgresBinaries(binaries);
        if (System.getProperty(ZONKY_PARENT_PROPERTY) == null) {
            // An empty folder of ours, so that zonky neither creates nor scans a shared temporary folder.
            System.setProperty(ZONKY_PARENT_PROPERTY, PrivateFolders.ensure(binaries.resolve("unused")).toString());
        }
        log.info("Starting embedded PostgreSQL in {}", dataDir);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setOverrideWorkingDirectory(binaries.toFile())
                .setPgBinaryResolver(resolver)
                .setDataDirectoryCustomizer(dir -> ScramAuthentication.ensure(resolver, dataDir, password,
                        passwordFile, existed))
                .setConnectConfig("password", password.value())
                .setPGStartupWait(Duration.ofSeconds(30))
                .setServerConfig("max_connections", "50")
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("unix_socket_directories", "''") // no socket file anywhere (never in /tmp)
                .setServerConfig("password_encryption", "scram-sha-256")
                // zonky's defaults favour test speed (synchronous_commit=off loses the last commits on a crash);
                // an archive needs every commit durable: the frozen moment a rendered PDF carries must survive.
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on");
        if (properties.embeddedPort() > 0) {
            builder.setPort(properties.embeddedPort());
        }
        EmbeddedPostgres postgres = builder.start();
        resolver.restrictUnpackedFolders();
        return postgres;
    }

    @Bean
    DataSource dataSource(EmbeddedPostgres postgres, DatabaseProperties properties) throws IOException {
        Path passwordFile = privateDirectory(properties.embeddedDataDirectory().toAbsolutePath().normalize())
                .resolve("password");
        return new PooledDataSourceFactory().pooled("jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres",
                "postgres", DatabasePassword.readOrCreate(passwordFile).value());
    }

    /** {@code <data directory>-private}: the password file and the lock, 0700, beside the PostgreSQL data. */
    static Path privateDirectory(Path dataDirectory) {
        return dataDirectory.resolveSibling(dataDirectory.getFileName() + "-private");
    }
}
