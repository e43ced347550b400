package ru.journalarchive.disposition;

import java.time.Instant;

/**
 * The cancellation of a destruction act before the director's approval: who cancelled it, when and why. The act's
 * documents are free again for another act.
 */
public record Cancellation(String by, Instant at, String reason) {
}
