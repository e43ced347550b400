package ru.journalarchive.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A storage location in a directory of a local or mounted filesystem. Objects live under {@code <root>/objects/<key>};
 * each put writes {@code <root>/.incoming/<name>.tmp-<uuid>}, forces it to disk, publishes it with a hard link that
 * fails if the key exists (so nothing is ever overwritten), forces the directory, and reads the object back.
 * Files left in {@code .incoming} by a crash are never objects and may be deleted.
 *
 * <p>The location is private to the service's user: its folders are {@code 0700} and its objects {@code 0400}; an
 * existing location is tightened when it opens (the root, {@code objects/}, {@code .incoming} and {@code quarantine}
 * folders: with the root at {@code 0700} nobody else can reach anything below it). A folder that cannot be created or
 * read does not stop the opening: the location is {@linkplain #check() faulty}, every call on it fails with a {@link
 * StorageException}, and the folders are tried again on each use.
 */
final class FilesystemStorageLocation implements StorageLocation {

    static final String TYPE = "filesystem";
    static final String OBJECTS = "objects";
    static final String INCOMING = ".incoming";
    static final String QUARANTINE = "quarantine";
    private static final java.time.format.DateTimeFormatter QUARANTINE_STAMP =
            java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'").withZone(java.time.ZoneOffset.UTC);

    private static final Logger log = LoggerFactory.getLogger(FilesystemStorageLocation.class);
    private static final boolean WINDOWS = System.getProperty("os.name", "").toLowerCase().startsWith("windows");

    private final String name;
    private final Path root;
    private final Path objects;
    private final Path incoming;
    private final Path quarantine;
    private final Clock clock;
    private final Object[] moveLocks = new Object[64];
    private volatile boolean hardLinks;

    FilesystemStorageLocation(String name, Path root, Clock clock) {
        this(name, root, clock, true);
    }

    /** With {@code hardLinks} false the location publishes by move from the start, as on filesystems without links. */
    FilesystemStorageLocation(String name, Path root, Clock clock, boolean hardLinks) {
        this.name = name;
        this.hardLinks = hardLinks;
        for (int i = 0; i < moveLocks.length; i++) {
            moveLocks[i] = new Object();
        }
        this.root = root.toAbsolutePath().normalize();
        this.objects = this.root.resolve(OBJECTS);
        this.incoming = this.root.resolve(INCOMING);
        this.quarantine = this.root.resolve(QUARANTINE);
        this.clock = clock;
        prepare().ifPresent(fault -> log.warn("{}; the other locations are used", fault));
    }

    /** Creates the missing folders and makes them private; the fault if that fails. */
    private Optional<StorageFault> prepare() {
        if (Files.exists(root) && !Files.isDirectory(root)) {
            return Optional.of(new StorageFault(name, StorageFault.Kind.NOT_A_DIRECTORY, root.toString(),
                    "exists and is not a folder"));
        }
        try {
            boolean fresh = !Files.isDirectory(root);
            Files.createDirectories(root);
            if (PrivateFiles.folder(root) && !fresh) {
                log.info("Storage location '{}': {} was open to other users; now 0700", name, root);
            }
            for (Path dir : new Path[] {objects, incoming}) {
                if (Files.exists(dir) && !Files.isDirectory(dir)) {
                    return Optional.of(new StorageFault(name, StorageFault.Kind.NOT_A_DIRECTORY, dir.toString(),
                            "exists and is not a folder"));
                }
                Files.createDirectories(dir);
                PrivateFiles.folder(dir);
            }
            if (Files.isDirectory(quarantine)) {
                PrivateFiles.folder(quarantine);
            }
        } catch (IOException | UncheckedIOException e) {
            return Optional.of(new StorageFault(name, StorageFault.Kind.CANNOT_CREATE, root.toString(), e.toString()));
        }
        return Optional.empty();
    }

    /**
     * Opens the folders again and checks they can be listed and written (a probe file in {@code .incoming}, deleted
     * at once).
     */
    @Override
    public Optional<StorageFault> check() {
        Optional<StorageFault> fault = prepare();
        if (fault.isPresent()) {
            return fault;
        }
        try (var entries = Files.newDirectoryStream(objects)) {
            entries.iterator().hasNext();
        } catch (IOException | RuntimeException e) {
            return Optional.of(new StorageFault(name, StorageFault.Kind.UNREADABLE, objects.toString(), e.toString()));
        }
        Path probe = incoming.resolve("probe.tmp-" + UUID.randomUUID());
        try {
            Files.write(probe, new byte[0], StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            Files.delete(probe);
        } catch (IOException | RuntimeException e) {
            return Optional.of(new StorageFault(name, StorageFault.Kind.UNWRITABLE, incoming.toString(),
                    e.toString()));
        }
        return Optional.empty();
    }

    /** Fails with the location's fault unless its objects folder is there (tried again once if it is not). */
    private void requireReady(String key) {
        if (Files.isDirectory(objects)) {
            return;
        }
        Optional<StorageFault> fault = prepare();
        if (fault.isPresent() || !Files.isDirectory(objects)) {
            throw failure(key, "cannot be reached: " + fault.map(StorageFault::toString)
                    .orElse(objects + " is not a folder"), null);
        }
    }

    /** Walks {@code objects/} lazily (one open directory per level): bounded memory for any number of objects. */
    @Override
    public Stream<String> list() {
        requireReady("*");
        try {
            return Files.walk(objects)
                    .filter(p -> Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS))
                    .map(p -> objects.relativize(p).toString().replace(java.io.File.separatorChar, '/'));
        } catch (IOException e) {
            throw new StorageException("Location '%s' cannot be listed: %s".formatted(name, e), e);
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String type() {
        return TYPE;
    }

    /** Stores the object; {@code retainUntil} is ignored: a directory cannot enforce a date (see the interface). */
    @Override
    public StoredObject put(String key, byte[] content, LocalDate retainUntil) {
        Path target = pathOf(key);
        requireReady(key);
        String sha256 = Sha256.of(content);
        Optional<StoredObject> existing = verify(key);
        if (existing.isPresent()) {
            return sameOrConflict(existing.get(), sha256);
        }
        String fileName = target.getFileName().toString();
        Path temp = incoming.resolve(fileName.substring(0, Math.min(fileName.length(), 100)) + ".tmp-"
                + UUID.randomUUID());
        try {
            createParentsDurably(target.getParent());
            writeDurably(temp, content);
            if (!publish(temp, target)) {
                // Another writer published the key between our check and our link: compare with what it wrote.
                return sameOrConflict(verify(key).orElseThrow(() -> failure(key, "vanished while publishing", null)),
                        sha256);
            }
            forceDirectory(target.getParent());
        } catch (IOException e) {
            throw failure(key, "could not be written", e);
        } finally {
            deleteQuietly(temp);
        }
        StoredObject stored = verify(key).orElseThrow(() -> failure(key, "is missing right after publishing", null));
        if (!stored.sha256().equals(sha256) || stored.sizeBytes() != content.length) {
            throw failure(key, "reads back with SHA-256 %s (%d bytes) instead of %s (%d bytes)"
                    .formatted(stored.sha256(), stored.sizeBytes(), sha256, content.length), null);
        }
        return stored;
    }

    /**
     * Moves a damaged file (or whatever sits at the key) to {@code <root>/quarantine/<timestamp>/<key>}, then puts
     * the bytes; the quarantine is outside {@code objects/}, so the damaged bytes are never mistaken for an object.
     */
    @Override
    public RepairedObject repair(String key, byte[] content, LocalDate retainUntil) {
        Path target = pathOf(key);
        String sha256 = Sha256.of(content);
        String keptAt = null;
        synchronized (moveLocks[Math.floorMod(target.hashCode(), moveLocks.length)]) {
            if (Files.exists(target, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                Optional<StoredObject> current = Files.isRegularFile(target) ? verifyQuietly(key) : Optional.empty();
                if (current.isPresent() && current.get().sha256().equals(sha256)) {
                    return new RepairedObject(current.get(), null);
                }
                keptAt = moveToQuarantine(key, target).toString();
            }
        }
        StoredObject stored = put(key, content, retainUntil);
        log.info("Object '{}' in location '{}' repaired{}", key, name,
                keptAt == null ? "" : "; the damaged bytes are kept at " + keptAt);
        return new RepairedObject(stored, keptAt);
    }

    private Optional<StoredObject> verifyQuietly(String key) {
        try {
            return verify(key);
        } catch (StorageException e) {
            return Optional.empty(); // unreadable: it goes to quarantine like any damaged object
        }
    }

    private Path moveToQuarantine(String key, Path target) {
        Path base = quarantine.resolve(QUARANTINE_STAMP.format(clock.instant()));
        Path aside = base.resolve(key).normalize();
        for (int i = 1; Files.exists(aside, java.nio.file.LinkOption.NOFOLLOW_LINKS); i++) {
            aside = quarantine.resolve(base.getFileName() + "-" + i).resolve(key).normalize();
        }
        try {
            Files.createDirectories(aside.getParent());
            PrivateFiles.folder(quarantine);
            Files.move(target, aside, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            forceDirectory(target.getParent());
            forceDirectory(aside.getParent());
        } catch (IOException e) {
            throw failure(key, "could not be moved to the quarantine " + aside, e);
        }
        return aside;
    }

    /** Deletes the file at the key and forces its directory, so the deletion survives a crash; see the interface. */
    @Override
    public DestroyedObject destroy(String key) {
        Path target = pathOf(key);
        synchronized (moveLocks[Math.floorMod(target.hashCode(), moveLocks.length)]) {
            try {
                if (Files.isDirectory(target, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    throw failure(key, "is a directory, not an object; nothing was destroyed", null);
                }
                boolean deleted = Files.deleteIfExists(target);
                if (Files.isDirectory(target.getParent())) {
                    forceDirectory(target.getParent());
                }
                // Damaged bytes a repair set aside are copies of the record too: they go with it.
                int quarantined = destroyQuarantined(key);
                if (deleted || quarantined > 0) {
                    log.info("Object '{}' in location '{}' destroyed ({} quarantined copies)", key, name, quarantined);
                }
                return new DestroyedObject(name, key, (deleted ? 1 : 0) + quarantined, clock.instant());
            } catch (IOException e) {
                throw failure(key, "could not be destroyed", e);
            }
        }
    }

    /** Deletes every {@code quarantine/<stamp>/<key>} file; returns how many there were. */
    private int destroyQuarantined(String key) throws IOException {
        if (!Files.isDirectory(quarantine)) {
            return 0;
        }
        int deleted = 0;
        try (var stamps = Files.list(quarantine)) {
            for (Path stamp : stamps.toList()) {
                Path aside = stamp.resolve(key).normalize();
                if (aside.startsWith(stamp) && Files.deleteIfExists(aside)) {
                    forceDirectory(aside.getParent());
                    deleted++;
                }
            }
        }
        return deleted;
    }

    @Override
    public Optional<StoredObject> verify(String key) {
        Path path = pathOf(key);
        requireReady(key);
        // Ask about a directory first: a concurrent writer may publish the file between two checks.
        if (Files.isDirectory(path)) {
            throw failure(key, "is a directory, not an object (a key must not be a prefix of another)", null);
        }
        if (!Files.isRegularFile(path)) {
            return Optional.empty();
        }
        try (InputStream in = Files.newInputStream(path)) {
            Sha256.Digest digest = Sha256.of(in);
            return Optional.of(new StoredObject(name, key, digest.sha256(), digest.sizeBytes(), clock.instant()));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw failure(key, "could not be read", e);
        }
    }

    @Override
    public InputStream open(String key) throws IOException {
        Path path = pathOf(key);
        requireReady(key);
        if (!Files.isRegularFile(path)) {
            throw new NoSuchFileException(path.toString(), null, "no object '%s' in location '%s'".formatted(key, name));
        }
        return Files.newInputStream(path);
    }

    @Override
    public boolean exists(String key) {
        Path path = pathOf(key);
        requireReady(key);
        return Files.isRegularFile(path);
    }

    @Override
    public String describe(String key) {
        return pathOf(key).toString();
    }

    @Override
    public String description() {
        return objects.toString();
    }

    @Override
    public String toString() {
        return "filesystem location '%s' at %s".formatted(name, objects.getParent());
    }

    /** The file of a key, for tests. */
    Path pathForTests(String key) {
        return pathOf(key);
    }

    private Path pathOf(String key) {
        Path path = objects.resolve(ObjectKeys.requireValid(key)).normalize();
        if (!path.startsWith(objects)) { // cannot happen for a valid key; a second line of defence
            throw new IllegalArgumentException("Object key '%s' leaves the location".formatted(key));
        }
        return path;
    }

    private StoredObject sameOrConflict(StoredObject existing, String sha256) {
        if (!existing.sha256().equals(sha256)) {
            throw new ObjectConflictException(name, existing.key(), existing.sha256(), sha256);
        }
        return existing;
    }

    /** Writes the bytes to a new file and forces content and metadata to the device before returning. */
    private static void writeDurably(Path temp, byte[] content) throws IOException {
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
        makeReadOnly(temp);
    }

    /**
     * Publishes the temporary file under the target name without ever replacing an existing file.
     *
     * @return false if the target already existed
     */
    private boolean publish(Path temp, Path target) throws IOException {
        if (hardLinks) {
            try {
                Files.createLink(target, temp); // link(2) fails with EEXIST: atomic, never overwrites
                return true;
            } catch (FileAlreadyExistsException e) {
                return false;
            } catch (UnsupportedOperationException | IOException e) {
                log.warn("Location '{}' does not support hard links ({}); publishing by move instead", name,
                        e.toString());
                hardLinks = false;
            }
        }
        // Without REPLACE_EXISTING the move refuses an existing target, but checks before it renames: a concurrent
        // writer could slip in between. The lock closes that gap within this process (one archive process owns a
        // data directory); hard links close it for everyone, which is why they are preferred.
        synchronized (moveLocks[Math.floorMod(target.hashCode(), moveLocks.length)]) {
            try {
                Files.move(temp, target);
                return true;
            } catch (FileAlreadyExistsException e) {
                return false;
            }
        }
    }

    /** Creates missing parent directories and forces each new directory entry to disk. */
    private void createParentsDurably(Path dir) throws IOException {
        Path firstMissing = null;
        for (Path p = dir; p != null && p.startsWith(objects) && !Files.isDirectory(p); p = p.getParent()) {
            firstMissing = p;
        }
        if (firstMissing == null) {
            return;
        }
        Files.createDirectories(dir);
        for (Path p = dir; p != null && !p.equals(firstMissing.getParent()); p = p.getParent()) {
            PrivateFiles.folder(p);
            forceDirectory(p.getParent());
        }
    }

    /** Forces a directory's entries to disk (POSIX); Windows cannot open directories and journals NTFS metadata. */
    private static void forceDirectory(Path dir) throws IOException {
        if (WINDOWS) {
            return;
        }
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    private static void makeReadOnly(Path file) {
        try {
            PrivateFiles.object(file);
        } catch (IOException e) {
            // Not a POSIX filesystem: write-once is still guaranteed by publish(), which never replaces.
        }
    }

    private void deleteQuietly(Path temp) {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            log.warn("Could not delete temporary file {} in location '{}': {}", temp, name, e.toString());
        }
    }

    private StorageException failure(String key, String what, Throwable cause) {
        return new StorageException("Object '%s' in location '%s' %s".formatted(key, name, what), cause);
    }
}
