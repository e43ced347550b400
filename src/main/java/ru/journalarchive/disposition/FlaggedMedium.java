package ru.journalarchive.disposition;

import java.time.Instant;

/** A backup medium holding objects of an executed act, to be destroyed physically; confirmed by the archivist. */
public record FlaggedMedium(String mediumId, String mediumType, String keptAt, int objectCount, Instant flaggedAt,
        String confirmedBy, Instant confirmedAt) {
}
