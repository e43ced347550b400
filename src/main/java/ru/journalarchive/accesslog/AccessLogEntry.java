package ru.journalarchive.accesslog;

import java.time.Instant;

/** An access as recorded: its number in the log, when, and what {@link AccessEntry} said. */
public record AccessLogEntry(long id, Instant occurredAt, AccessEntry entry) {
}
