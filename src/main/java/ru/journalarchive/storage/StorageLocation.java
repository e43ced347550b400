package ru.journalarchive.storage;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A place that keeps archived objects write-once: an object, once published under a key, is never overwritten
 * or deleted in place; the one exception is {@link #destroy(String)}, for an executed destruction act. Implementations: {@code filesystem} (a directory on a local or mounted disk) and {@code s3}
 * (a bucket with Object Lock in any S3-compatible store), registered in {@link StorageLocations}.
 */
public interface StorageLocation {

    /**
     * The {@code retainUntil} of a record kept permanently («постоянно»), which has no destruction date: where the
     * store can enforce it the object is written under a legal hold, which has no end date ({@code s3}), instead of an
     * Object Lock retention, so that nobody can delete it. Pass it through {@link #lockUntil(LocalDate)}.
     */
    LocalDate PERMANENT = LocalDate.MAX;

    /**
     * The {@code retainUntil} to write an object of a record with: its destruction-eligible date, or {@link
     * #PERMANENT} when it has none (a permanent record class).
     */
    static LocalDate lockUntil(LocalDate eligibleForDestructionFrom) {
        return eligibleForDestructionFrom == null ? PERMANENT : eligibleForDestructionFrom;
    }

    /** The configured name of this location, e.g. {@code site-a}. */
    String name();

    /** The location type, e.g. {@code filesystem}. */
    String type();

    /**
     * Stores {@code content} under {@code key} durably, with no retention date, and reads it back to check it; the
     * same as {@link #put(String, byte[], LocalDate) put(key, content, null)}.
     */
    default StoredObject put(String key, byte[] content) {
        return put(key, content, null);
    }

    /**
     * Stores {@code content} under {@code key} durably and reads it back to check it.
     * Idempotent: if the key already holds exactly these bytes nothing is written and the object is returned (its
     * retention is left as it is).
     *
     * <p>{@code retainUntil} is the first day the object may be destroyed (the record's destruction-eligible date).
     * Where the store can enforce it, the object is locked until the start of that day (UTC), so that nobody, not
     * even the store's administrator, can delete or overwrite it earlier: an {@code s3} location writes it as an
     * Object Lock retention. A {@code filesystem} location cannot enforce a date and ignores it (its objects are
     * write-once anyway, but a person with access to the disk can delete them). {@code null}, or a date that is not
     * in the future, writes the object without retention. {@link #PERMANENT} writes it under a legal hold where the
     * store supports one (and, when the key already holds these bytes, places the hold on them if it is missing).
     *
     * @throws IllegalArgumentException if the key is not valid (see {@link ObjectKeys#requireValid(String)})
     * @throws ObjectConflictException  if the key already holds different bytes; the stored object is left untouched
     * @throws StorageException         if the bytes cannot be written durably or do not read back identically
     */
    StoredObject put(String key, byte[] content, LocalDate retainUntil);

    /**
     * Whether {@link #legalHold(String, boolean)} has an effect here: true where the store itself enforces a hold
     * ({@code s3}), false where holds live only in the registry ({@code filesystem}).
     */
    default boolean supportsLegalHold() {
        return false;
    }

    /**
     * Places ({@code on}) or lifts a legal hold on the stored object, mirroring a hold in the registry: while held,
     * the store refuses to delete the object even after its retention date. Does nothing where {@link
     * #supportsLegalHold()} is false.
     *
     * @throws StorageException if the store supports holds and there is no object under the key, or the store refuses
     */
    default void legalHold(String key, boolean on) {
        ObjectKeys.requireValid(key);
    }

    /**
     * Puts the registered bytes back where the object is missing or damaged, keeping the damaged bytes: the only
     * write that may replace what a key holds, for the fixity audit's repair from a verified healthy copy. A
     * {@code filesystem} location first moves the damaged file to {@code <root>/quarantine/<timestamp>/<key>}; an
     * {@code s3} location writes the bytes as a new current version (the damaged version stays, locked if it was).
     * If the key already holds exactly these bytes nothing is written.
     *
     * @return the object as read back after writing, and where the damaged bytes are kept (null if there were none)
     * @throws StorageException if the bytes cannot be written or do not read back identically
     */
    RepairedObject repair(String key, byte[] content, LocalDate retainUntil);

    /**
     * Streams the object through SHA-256 now.
     *
     * @return the object with its current hash and size, or empty if there is no object under the key
     * @throws StorageException if the object exists but cannot be read
     */
    Optional<StoredObject> verify(String key);

    /**
     * Opens the object for reading; the caller closes the stream.
     *
     * @throws java.nio.file.NoSuchFileException if there is no object under the key
     */
    InputStream open(String key) throws IOException;

    /** Where an object is, for a person reading a report: a file path here, a URL for remote stores. */
    String describe(String key);

    /** Where this location keeps its objects, for a person reading a report. */
    String description();

    /** Whether an object is published under the key (in-flight or abandoned temporary files never count). */
    boolean exists(String key);

    /**
     * Every key published here, in no particular order, streamed: a {@code filesystem} location walks {@code
     * objects/} (never {@code .incoming} or {@code quarantine}), an {@code s3} location lists the bucket (under its
     * prefix) page by page. Memory stays bounded whatever the number of objects; the caller closes the stream. Keys
     * are returned as stored, even ones no writer of the archive would build (a file someone put there by hand).
     *
     * @throws StorageException if the location cannot be listed (when the stream is opened or while it is read)
     */
    Stream<String> list();

    /**
     * Checks now that the location can be used (its folders exist and can be read and written; the store answers),
     * repeating what failed when it was opened.
     *
     * @return why it cannot be used, or empty if it can
     */
    default Optional<StorageFault> check() {
        return Optional.empty();
    }

    /**
     * Deletes every stored copy of the object under the key: <strong>the only deletion in the system, for the
     * documents of an executed destruction act only</strong> ({@code dispositionJob}); nothing else may call it. A
     * {@code filesystem} location deletes the file and forces its directory to disk; an {@code s3} location deletes
     * every version of the key (and every delete marker), which the store allows only once the Object Lock retention
     * date of each version has passed and no legal hold is on it. The check comes first, so a refusal deletes nothing.
     * Idempotent: a key that holds nothing any more is destroyed with zero versions.
     *
     * @return what was deleted
     * @throws DestructionRefusedException if the store still protects a version (retention date not passed, legal hold)
     * @throws StorageException            if the store cannot be reached or fails; a repeated call finishes the rest
     */
    DestroyedObject destroy(String key);

    /**
     * Checks, deleting nothing, that {@link #destroy(String)} would be allowed now: no stored version is still under
     * an Object Lock retention or a legal hold. A {@code filesystem} location protects nothing and always allows it.
     *
     * @throws DestructionRefusedException if the store still protects a version
     * @throws StorageException            if the store cannot be reached
     */
    default void requireDestroyable(String key) {
        ObjectKeys.requireValid(key);
    }
}
