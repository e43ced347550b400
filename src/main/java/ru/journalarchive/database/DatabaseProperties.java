package ru.journalarchive.database;

import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Where the embedded PostgreSQL keeps its data and its binaries when no external database URL is configured.
 *
 * @param embeddedDataDirectory the PostgreSQL data directory; it persists between runs (0700); its password file and
 *                              lock live beside it in {@code <embeddedDataDirectory>-private}
 * @param embeddedPort          the loopback port, or 0 for any free port
 * @param binariesDirectory     where the PostgreSQL binaries are unpacked: a folder of the service's own (0700), never
 *                              a shared temporary folder
 */
@Validated
@ConfigurationProperties("archive.database")
record DatabaseProperties(@NotNull Path embeddedDataDirectory, int embeddedPort, @NotNull Path binariesDirectory) {
}
