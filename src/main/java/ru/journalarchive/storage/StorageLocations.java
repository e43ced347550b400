package ru.journalarchive.storage;

import java.net.URI;
import java.net.URISyntaxException;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The configured storage locations, checked and opened once at start-up: the single way other modules reach
 * storage. A new location type is one new {@link StorageLocation} class plus one line in {@link #open} and its
 * checks in {@link #validate}. Closing it releases the locations' connections (S3 clients).
 *
 * <p>A wrong configuration fails the start, naming the property. A location that is configured right but cannot be
 * used (a folder that cannot be created or read, a path that is a file, a store that does not answer) does not: it is
 * opened faulty, {@link #faults()} names it, and every call on it fails until it is repaired, while the others work.
 */
@Component
public class StorageLocations implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StorageLocations.class);
    private static final String PREFIX = "archive.storage";
    private static final Pattern NAME = Pattern.compile("[a-z0-9-]+");
    /** S3 bucket naming rules: 3-63 lower-case letters, digits, dots and dashes, starting and ending alphanumeric. */
    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    private static final Set<String> TYPES = Set.of(FilesystemStorageLocation.TYPE, S3StorageLocation.TYPE);

    private final Map<String, StorageLocation> byName;
    private final int minimumCopies;

    @Autowired
    public StorageLocations(StorageProperties properties) {
        this(properties, Clock.systemUTC());
    }

    StorageLocations(StorageProperties properties, Clock clock) {
        validate(properties);
        Map<String, StorageLocation> locations = new LinkedHashMap<>();
        try {
            for (int i = 0; i < properties.locations().size(); i++) {
                StorageProperties.Location location = properties.locations().get(i);
                locations.put(location.name(), open(PREFIX + ".locations[" + i + "]", location, clock));
            }
        } catch (RuntimeException e) {
            close(locations.values());
            throw e;
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

    /**
     * Checks every location now (see {@link StorageLocation#check()}), in configured order.
     *
     * @return the faulty ones; empty when every location can be used
     */
    public List<StorageFault> faults() {
        List<StorageFault> faults = new ArrayList<>();
        for (StorageLocation location : byName.values()) {
            location.check().ifPresent(faults::add);
        }
        return faults;
    }

    /** How many locations must hold an object before it counts as archived. */
    public int minimumCopies() {
        return minimumCopies;
    }

    /** Releases every location's connections; the locations must not be used afterwards. */
    @Override
    public void close() {
        close(byName.values());
    }

    private static void close(Iterable<StorageLocation> locations) {
        for (StorageLocation location : locations) {
            if (location instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    log.warn("Could not close storage location '{}': {}", location.name(), e.toString());
                }
            }
        }
    }

    private static StorageLocation open(String property, StorageProperties.Location location, Clock clock) {
        return switch (location.type()) {
            case FilesystemStorageLocation.TYPE -> new FilesystemStorageLocation(location.name(), location.path(), clock);
            case S3StorageLocation.TYPE -> S3StorageLocation.open(property, location, clock);
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
            if (FilesystemStorageLocation.TYPE.equals(location.type())) {
                validateFilesystem(property, location, locations.subList(0, i));
            } else {
                validateS3(property, location, locations.subList(0, i));
            }
        }
        if (properties.minimumCopies() < 1 || properties.minimumCopies() > locations.size()) {
            throw new InvalidStorageConfigurationException(PREFIX + ".minimum-copies",
                    "%d must be between 1 and the number of locations (%d)".formatted(properties.minimumCopies(),
                            locations.size()));
        }
    }

    private static void validateFilesystem(String property, StorageProperties.Location location,
            List<StorageProperties.Location> earlier) {
        if (location.path() == null || location.path().toString().isBlank()) {
            throw new InvalidStorageConfigurationException(property + ".path",
                    "a filesystem location needs a directory");
        }
        Path root = location.path().toAbsolutePath().normalize();
        // A path that exists and is not a folder is a fault of the location, not of the configuration: see faults().
        for (StorageProperties.Location other : earlier) {
            if (!FilesystemStorageLocation.TYPE.equals(other.type())) {
                continue;
            }
            Path otherRoot = other.path().toAbsolutePath().normalize();
            if (root.startsWith(otherRoot) || otherRoot.startsWith(root)) {
                throw new InvalidStorageConfigurationException(property + ".path",
                        "'%s' overlaps location '%s' at '%s'; each copy needs its own directory"
                                .formatted(root, other.name(), otherRoot));
            }
        }
    }

    private static void validateS3(String property, StorageProperties.Location location,
            List<StorageProperties.Location> earlier) {
        if (isBlank(location.endpoint())) {
            throw new InvalidStorageConfigurationException(property + ".endpoint",
                    "an s3 location needs the store's URL, e.g. https://s3.example.org or http://127.0.0.1:9000");
        }
        try {
            URI uri = new URI(location.endpoint().strip());
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new URISyntaxException(location.endpoint(), "not an http(s) URL with a host");
            }
        } catch (URISyntaxException e) {
            throw new InvalidStorageConfigurationException(property + ".endpoint",
                    "'%s' is not an http:// or https:// URL of the store".formatted(location.endpoint()));
        }
        if (isBlank(location.bucket())) {
            throw new InvalidStorageConfigurationException(property + ".bucket", "an s3 location needs a bucket");
        }
        if (!BUCKET.matcher(location.bucket().strip()).matches() || location.bucket().contains("..")) {
            throw new InvalidStorageConfigurationException(property + ".bucket",
                    "'%s' is not a valid bucket name (3-63 of a-z, 0-9, '.', '-'; starting and ending with a letter or digit)"
                            .formatted(location.bucket()));
        }
        if (isBlank(location.accessKey())) {
            throw new InvalidStorageConfigurationException(property + ".access-key",
                    "an s3 location needs an access key");
        }
        if (isBlank(location.secretKey())) {
            throw new InvalidStorageConfigurationException(property + ".secret-key",
                    "an s3 location needs a secret key; set it from the environment, e.g. secret-key: ${ARCHIVE_S3_SECRET_KEY}");
        }
        try {
            S3StorageLocation.retentionMode(location.retentionMode());
        } catch (IllegalArgumentException e) {
            throw new InvalidStorageConfigurationException(property + ".retention-mode",
                    "'%s' must be COMPLIANCE or GOVERNANCE".formatted(location.retentionMode()));
        }
        String prefix;
        try {
            prefix = S3StorageLocation.normalizedPrefix(location.prefix());
        } catch (IllegalArgumentException e) {
            throw new InvalidStorageConfigurationException(property + ".prefix", e.getMessage());
        }
        for (StorageProperties.Location other : earlier) {
            if (S3StorageLocation.TYPE.equals(other.type()) && sameStore(location, other)) {
                String otherPrefix = S3StorageLocation.normalizedPrefix(other.prefix());
                if (prefix.startsWith(otherPrefix) || otherPrefix.startsWith(prefix)) {
                    throw new InvalidStorageConfigurationException(property + ".prefix",
                            "'%s' overlaps location '%s' in the same bucket '%s'; each copy needs its own place"
                                    .formatted(prefix, other.name(), other.bucket()));
                }
            }
        }
    }

    private static boolean sameStore(StorageProperties.Location a, StorageProperties.Location b) {
        return a.endpoint().strip().replaceAll("/+$", "").equalsIgnoreCase(b.endpoint().strip().replaceAll("/+$", ""))
                && a.bucket().strip().equals(b.bucket().strip());
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
