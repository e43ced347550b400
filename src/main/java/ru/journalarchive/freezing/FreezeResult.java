package ru.journalarchive.freezing;

import java.util.List;

/**
 * What freezing a class journal came to: newly frozen, already frozen with identical content, accepted as a
 * supplement (only exam, final or year marks added after the close: frozen as the next version), or refused because
 * the content differs from the frozen original otherwise (a retroactive change; the original stays).
 *
 * @param changes    for a retroactive change, what differs; for a supplement, the added marks as differences
 * @param supplement the supplement that created the frozen version, if it was created by one (null otherwise)
 */
public record FreezeResult(Outcome outcome, FrozenJournal frozen, List<RetroactiveChange> changes,
                           JournalSupplement supplement) {

    /** The four ways a freeze ends. */
    public enum Outcome { FROZEN, ALREADY_FROZEN, SUPPLEMENT, RETROACTIVE_CHANGE }

    /** A result of a freeze whose version no supplement created. */
    public FreezeResult(Outcome outcome, FrozenJournal frozen, List<RetroactiveChange> changes) {
        this(outcome, frozen, changes, null);
    }

    /** Whether the frozen journal may be archived (it is the snapshot's content). */
    public boolean accepted() {
        return outcome != Outcome.RETROACTIVE_CHANGE;
    }
}
