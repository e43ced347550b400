package ru.journalarchive.storage;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The configured storage locations, checked and opened once at start-up: the single way other modules reach
 * storage. A new location type (e.g. S3) is one new {@link StorageLocation} class plus one line in {@link #open}.
 */
@Component
public class StorageLocations {

    private static final String PREFIX = "archive.storage";
    private static final Pattern NAME = Pattern.compile("[a-z0-9-]+");
    private static final Set<String> TYPES = Set.of(FilesystemStorageLocation.TYPE);

    private final Map<String, StorageLocation> byName;
    private final int minimumCopies;

    @Autowired
    public StorageLocations(StorageProperties properties) {
        this(properties, Clock.systemUTC());
    }

    StorageLocations(StorageProperties properties, Clock clock) {
        validate(properties);
        Map<String, StorageLocation> locations = new LinkedHashMap<>();
        for (StorageProperties.Location location : properties.locations()) {
            locations.put(location.name(), open(location, clock));
        }
        this.byName = Collections.unmodifiableMap(locations);
        this.minimumCopies = properties.minimumCopies();
    }

    /**
     * Checks the configuration and opens its locations, creating missing directories; for use without Spring.
     *
     * @throws InvalidStorageConfigurationException naming the offending property
     */
    public static StorageLocations of(StorageProperties properties) {
        return new StorageLocations(properties);
    }

    /** All locations, in configured order. */
    public List<StorageLocation> all() {
        return List.copyOf(byName.values());
    }

    /**
     * The location of that name.
     *
     * @throws IllegalArgumentException naming the unknown location and the known ones
     */
    public StorageLocation get(String name) {
        StorageLocation location = byName.get(name);
        if (location == null) {
            throw new IllegalArgumentException("Unknown storage location '%s'; configured locations: %s"
                    .formatted(name, String.join(", ", byName.keySet())));
        }
        return location;
    }

    /** How many locations must hold an object before it counts as archived. */
    public int minimumCopies() {
        return minimumCopies;
    }

    private static StorageLocation open(StorageProperties.Location location, Clock clock) {
        return switch (location.type()) {
            case FilesystemStorageLocation.TYPE -> new FilesystemStorageLocation(location.name(), location.path(), clock);
            default -> throw new IllegalStateException("Unhandled storage type " + location.type());
        };
    }

    private static void validate(StorageProperties properties) {
        List<StorageProperties.Location> locations = properties == null ? null : properties.locations();
        if (locations == null || locations.isEmpty()) {
            throw new InvalidStorageConfigurationException(PREFIX + ".locations",
                    "at least one storage location is required");
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < locations.size(); i++) {
            String property = PREFIX + ".locations[" + i + "]";
            StorageProperties.Location location = locations.get(i);
            if (location == null) {
                throw new InvalidStorageConfigurationException(property, "is empty");
            }
            if (location.name() == null || !NAME.matcher(location.name()).matches()) {
                throw new InvalidStorageConfigurationException(property + ".name",
                        "'%s' must be letters a-z, digits and '-'".formatted(location.name()));
            }
            if (!names.add(location.name())) {
                throw new InvalidStorageConfigurationException(property + ".name",
                        "'%s' is used by an earlier location; names must be unique".formatted(location.name()));
            }
            if (location.type() == null || !TYPES.contains(location.type())) {
                throw new InvalidStorageConfigurationException(property + ".type",
                        "'%s' is not a known type; known: %s".formatted(location.type(), new ArrayList<>(TYPES)));
            }
            if (location.path() == null || location.path().toString().isBlank()) {
                throw new InvalidStorageConfigurationException(property + ".path",
                        "a filesystem location needs a directory");
            }
            Path root = location.path().toAbsolutePath().normalize();
            if (root.toFile().exists() && !root.toFile().isDirectory()) {
                throw new InvalidStorageConfigurationException(property + ".path",
                        "'%s' exists and is not a directory".formatted(root));
            }
            for (int j = 0; j < i; j++) {
                Path other = locations.get(j).path().toAbsolutePath().normalize();
                if (root.startsWith(other) || other.startsWith(root)) {
                    throw new InvalidStorageConfigurationException(property + ".path",
                            "'%s' overlaps location '%s' at '%s'; each copy needs its own directory"
                                    .formatted(root, locations.get(j).name(), other));
                }
            }
        }
        if (properties.minimumCopies() < 1 || properties.minimumCopies() > locations.size()) {
            throw new InvalidStorageConfigurationException(PREFIX + ".minimum-copies",
                    "%d must be between 1 and the number of locations (%d)".formatted(properties.minimumCopies(),
                            locations.size()));
        }
    }
}
