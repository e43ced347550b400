package ru.journalarchive.backup;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of backup media.
 *
 * @param opticalCapacity the most a bag for an optical disc may hold (default 4480MB: a single-layer DVD±R); an
 *                        export that does not fit is refused before anything is written
 */
@Validated
@ConfigurationProperties("archive.backup")
record BackupProperties(@NotNull @DefaultValue("4480MB") DataSize opticalCapacity) {

    /** The defaults, for use without Spring. */
    static BackupProperties defaults() {
        return new BackupProperties(DataSize.ofMegabytes(4480));
    }
}
