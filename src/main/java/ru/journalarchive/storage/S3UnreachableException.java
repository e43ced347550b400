package ru.journalarchive.storage;

/** Thrown when an S3 location's store does not answer at all (refused connection, timeout), as opposed to refusing. */
final class S3UnreachableException extends StorageException {

    S3UnreachableException(String message, Throwable cause) {
        super(message, cause);
    }
}
