package ru.journalarchive.database;

import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Where the embedded PostgreSQL keeps its data when no external database URL is configured.
 *
 * @param embeddedDataDirectory the PostgreSQL data directory; it persists between runs
 * @param embeddedPort          the loopback port, or 0 for any free port
 */
@Validated
@ConfigurationProperties("archive.database")
record DatabaseProperties(@NotNull Path embeddedDataDirectory, int embeddedPort) {
}
