package ru.journalarchive.registry;

import java.time.Instant;
import java.util.UUID;

/**
 * An authorised correction of a frozen class journal, as registered: the refused retroactive change it accepts, the
 * version it supersedes and the one it creates, the reason, who authorised it, who made it and when, and the changes
 * (the retroactive-change report as JSON).
 */
public record JournalCorrection(
        UUID id,
        UUID retroactiveChangeId,
        UUID importId,
        String schoolId,
        String academicYear,
        String classId,
        String periodId,
        int number,
        int oldVersion,
        int newVersion,
        UUID oldFrozenJournalId,
        UUID newFrozenJournalId,
        String reason,
        String authorisedBy,
        String correctedBy,
        Instant correctedAt,
        String changesJson,
        int changeCount) {
}
