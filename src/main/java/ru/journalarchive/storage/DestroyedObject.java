package ru.journalarchive.storage;

import java.time.Instant;

/**
 * What {@link StorageLocation#destroy(String)} deleted under one key in one location.
 *
 * @param location    the name of the storage location
 * @param key         the object key
 * @param versions    how many stored versions (files, S3 object versions and delete markers) were deleted; 0 when
 *                    the key held nothing any more (a repeated destruction)
 * @param destroyedAt when the location confirmed the key holds nothing
 */
public record DestroyedObject(String location, String key, int versions, Instant destroyedAt) {

    /** Whether this call deleted something (false: the key was already empty). */
    public boolean deletedNow() {
        return versions > 0;
    }
}
