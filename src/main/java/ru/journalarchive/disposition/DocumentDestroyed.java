package ru.journalarchive.disposition;

import java.util.UUID;

/**
 * Published when {@code dispositionJob} has destroyed every copy of one document of an act and written its tombstone,
 * so the command line can show the progress (the event carries no names or marks, only ids and counts).
 *
 * @param actId      the act
 * @param actNumber  the act's number, e.g. {@code 1/2026}
 * @param documentId the destroyed document
 * @param entries    the certificate entries (object × location) recorded for it
 */
public record DocumentDestroyed(UUID actId, String actNumber, UUID documentId, int entries) {
}
