/**
 * The import of {@code journal-snapshot/1}: reads a school's export with hard limits, validates it against the
 * JSON Schema and the contract's semantic rules (rejecting it whole with every violation listed by JSON path), and
 * cuts it into one self-contained {@link ru.journalarchive.snapshot.ClassJournal} per class.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Snapshot import")
package ru.journalarchive.snapshot;
