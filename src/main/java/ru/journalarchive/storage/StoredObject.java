package ru.journalarchive.storage;

import java.time.Instant;

/**
 * One object as found in one storage location, with the SHA-256 its bytes had when they were last read.
 *
 * @param location   the name of the storage location, e.g. {@code site-a}
 * @param key        the object key, identical in every location
 * @param sha256     lower-case hex SHA-256 of the bytes read at {@code verifiedAt}
 * @param sizeBytes  the object's size in bytes
 * @param verifiedAt when the bytes were last read back and hashed
 */
public record StoredObject(String location, String key, String sha256, long sizeBytes, Instant verifiedAt) {
}
