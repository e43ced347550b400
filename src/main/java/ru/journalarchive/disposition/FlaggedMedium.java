package ru.journalarchive.disposition;

import java.time.Instant;

/** A backup medium holding objects of an executed act, to be destroyed physically; confirmed by the archivist. */
public record FlaggedMedium(String mediumId, String mediumType, String keptAt, int objectCount, Instant flaggedAt,
        String confirmedBy, Instant confirmedAt) {

    /** An object of the act's documents that the medium holds. */
    public record HeldObject(java.util.UUID documentId, String role, String key, String sha256) {
    }
}
