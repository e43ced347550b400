package ru.journalarchive.backup;

import java.util.List;

/**
 * The outcome of restoring a storage location from a bag.
 *
 * @param location       the location restored
 * @param restored       objects written to the location
 * @param alreadyPresent objects the location already held with identical bytes (registered again all the same)
 * @param unknown        bag-relative paths of payload files the registry does not know (not restored)
 * @param damaged        bag-relative paths of payload files whose hash differs from the registry (not restored)
 * @param conflicts      keys under which the location holds other bytes (left untouched, not restored)
 * @param destroyed      payload files of documents destroyed by an executed act (refused: a destroyed record is never
 *                       brought back)
 */
public record RestoreResult(String location, int restored, int alreadyPresent, List<String> unknown,
                           List<String> damaged, List<String> conflicts, List<Destroyed> destroyed) {

    /** A payload file of a document destroyed by an executed act: never restored. */
    public record Destroyed(String path, String actNumber, java.time.Instant destroyedAt) {
    }

    /** Whether every registered object of the bag is now in the location. */
    public boolean complete() {
        return damaged.isEmpty() && conflicts.isEmpty();
    }
}
