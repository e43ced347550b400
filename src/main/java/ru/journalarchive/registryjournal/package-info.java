/**
 * The registry journal: every change of every registry row (a generic database trigger, {@code V18}) shipped as
 * hash-chained, write-once segments under {@code registry/} to every storage location, the registry's identity
 * checked against every location at start-up, and {@code registry rebuild} of a lost database from one location.
 * The format is {@code archive-format/registry-journal.md}; the drill for IT is {@code docs/registry-rebuild.md}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Registry journal")
package ru.journalarchive.registryjournal;
