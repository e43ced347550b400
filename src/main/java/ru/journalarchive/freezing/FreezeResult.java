package ru.journalarchive.freezing;

import java.util.List;

/**
 * What freezing a class journal came to: newly frozen, already frozen with identical content, or refused because
 * the content differs from the frozen original (a retroactive change; the original stays).
 */
public record FreezeResult(Outcome outcome, FrozenJournal frozen, List<RetroactiveChange> changes) {

    /** The three ways a freeze ends. */
    public enum Outcome { FROZEN, ALREADY_FROZEN, RETROACTIVE_CHANGE }

    /** Whether the frozen journal may be archived (it is the snapshot's content). */
    public boolean accepted() {
        return outcome != Outcome.RETROACTIVE_CHANGE;
    }
}
