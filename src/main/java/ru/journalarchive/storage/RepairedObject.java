package ru.journalarchive.storage;

/**
 * The outcome of {@link StorageLocation#repair}: the object now stored, and where the damaged bytes were kept.
 *
 * @param object        the repaired object as read back and hashed after writing
 * @param damagedKeptAt where the damaged bytes are kept for investigation (a quarantine path, an S3 version), or
 *                      null if the object was missing or already intact
 */
public record RepairedObject(StoredObject object, String damagedKeptAt) {
}
