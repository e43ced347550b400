package ru.journalarchive.storage;

/**
 * Thrown when a storage location cannot write, read or confirm an object (disk full, I/O error, a published
 * object that does not read back with the expected hash). The message names the location and the key.
 */
public class StorageException extends RuntimeException {

    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }

    public StorageException(String message) {
        super(message);
    }
}
