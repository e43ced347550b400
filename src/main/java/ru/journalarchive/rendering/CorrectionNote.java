package ru.journalarchive.rendering;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The note an authorised correction adds to a class journal's new version: its number and moment, the reason, who
 * authorised it, which version it supersedes, and the changes as lines for a person (old → new), already worded.
 */
public record CorrectionNote(int number, Instant correctedAt, String reason, String authorisedBy,
                             int supersedesVersion, List<String> changes) {

    public CorrectionNote {
        Objects.requireNonNull(correctedAt, "correctedAt");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(authorisedBy, "authorisedBy");
        changes = List.copyOf(changes);
    }
}
