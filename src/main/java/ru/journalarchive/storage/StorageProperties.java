package ru.journalarchive.storage;

import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The storage locations every archived object is written to ({@code archive.storage.*}). Checked at start-up by
 * {@link StorageLocations#of(StorageProperties)}; a bad value fails the start with the property's name.
 *
 * @param locations     the locations, in the order objects are written; at least one, names unique
 * @param minimumCopies how many locations must hold an object before it counts as archived (1..locations, default 2)
 */
@ConfigurationProperties("archive.storage")
public record StorageProperties(List<Location> locations, @DefaultValue("2") int minimumCopies) {

    /**
     * One storage location.
     *
     * @param name a short unique name of {@code [a-z0-9-]}, e.g. {@code site-a}; recorded with every replica
     * @param type {@code filesystem} (S3 comes later)
     * @param path the root directory of a {@code filesystem} location; created when missing
     */
    public record Location(String name, String type, Path path) {
    }
}
