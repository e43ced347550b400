package ru.journalarchive.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Starts the embedded PostgreSQL 17 (zonky) as the default database when {@code spring.datasource.url}
 * is not set; production configures an external PostgreSQL by URL instead.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(DatabaseProperties properties) throws IOException {
        Path dataDir = properties.embeddedDataDirectory().toAbsolutePath();
        Files.createDirectories(dataDir);
        refuseIfAnotherPostgresRuns(dataDir);
        log.info("Starting embedded PostgreSQL in {}", dataDir);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setPGStartupWait(Duration.ofSeconds(30))
                .setServerConfig("max_connections", "50")
                // zonky's defaults favour test speed (synchronous_commit=off loses the last commits on a crash);
                // an archive needs every commit durable: the frozen moment a rendered PDF carries must survive.
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on");
        if (properties.embeddedPort() > 0) {
            builder.setPort(properties.embeddedPort());
        }
        return builder.start();
    }

    @Bean
    DataSource dataSource(EmbeddedPostgres postgres) {
        return new PooledDataSourceFactory().pooled(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "");
    }

    /**
     * After a hard kill the orphaned postgres keeps its {@code postmaster.pid}; starting over it would hang
     * and fail. Say clearly which process holds the directory instead.
     */
    private static void refuseIfAnotherPostgresRuns(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        Optional<Long> pid = Files.readAllLines(pidFile).stream().findFirst().map(String::trim)
                .filter(s -> s.matches("\\d+")).map(Long::parseLong);
        if (pid.isPresent() && ProcessHandle.of(pid.get()).map(ProcessHandle::isAlive).orElse(false)) {
            throw new IllegalStateException("""
                    Встроенная база данных в %s уже запущена процессом %d (возможно, другой экземпляр архива \
                    или остаток после аварийного завершения). Завершите его: kill %d — и повторите запуск."""
                    .formatted(dataDir, pid.get(), pid.get()));
        }
        // A stale pid file of a dead process: PostgreSQL itself removes it on start.
    }
}
