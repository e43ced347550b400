package ru.journalarchive.archiving;

import java.util.UUID;

/** Published when a class's close has ended (closed, already closed or refused): progress for the deputy. */
public record ClassClosed(UUID importId, ClassCloseResult result) {
}
