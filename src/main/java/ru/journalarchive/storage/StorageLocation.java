package ru.journalarchive.storage;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * A place that keeps archived objects write-once: an object, once published under a key, is never overwritten
 * or deleted in place. Implementations: {@code filesystem} (a directory on a local or mounted disk); an S3
 * implementation is one more class registered in {@link StorageLocations}.
 */
public interface StorageLocation {

    /** The configured name of this location, e.g. {@code site-a}. */
    String name();

    /** The location type, e.g. {@code filesystem}. */
    String type();

    /**
     * Stores {@code content} under {@code key} durably and reads it back to check it.
     * Idempotent: if the key already holds exactly these bytes nothing is written and the object is returned.
     *
     * @throws IllegalArgumentException if the key is not valid (see {@link ObjectKeys#requireValid(String)})
     * @throws ObjectConflictException  if the key already holds different bytes; the stored object is left untouched
     * @throws StorageException         if the bytes cannot be written durably or do not read back identically
     */
    StoredObject put(String key, byte[] content);

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
}
