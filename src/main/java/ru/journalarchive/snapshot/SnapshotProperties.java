package ru.journalarchive.snapshot;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Limits that keep an absurd or hostile snapshot from being loaded whole ({@code archive.snapshot.*}).
 *
 * @param maxFileSize     the largest snapshot file (and JSON document) accepted
 * @param maxStringLength the longest JSON string value, in characters
 * @param maxNestingDepth the deepest nesting of JSON objects and arrays
 */
@Validated
@ConfigurationProperties("archive.snapshot")
public record SnapshotProperties(
        @NotNull @DefaultValue("200MB") DataSize maxFileSize,
        @Min(16) @DefaultValue("20000") int maxStringLength,
        @Min(8) @DefaultValue("32") int maxNestingDepth) {

    /** The defaults: 200 MB, 20000 characters, depth 32. */
    public static SnapshotProperties defaults() {
        return new SnapshotProperties(DataSize.ofMegabytes(200), 20_000, 32);
    }
}
