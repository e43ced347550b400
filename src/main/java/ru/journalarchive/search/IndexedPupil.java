package ru.journalarchive.search;

/**
 * A pupil named in a document, as the index receives it: the pupil's id in the source system and the full name as
 * written in the document.
 */
public record IndexedPupil(String pupilId, String fullName) {

    public IndexedPupil {
        if (pupilId == null || pupilId.isBlank()) {
            throw new IllegalArgumentException("pupilId is required");
        }
        if (fullName == null || fullName.isBlank()) {
            throw new IllegalArgumentException("fullName is required for pupil " + pupilId);
        }
    }
}
