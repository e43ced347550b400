/**
 * Freezing: a class's period journal becomes immutable as canonical JSON with its SHA-256; a re-close with
 * different content is refused and reported as a retroactive change.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Freezing")
package ru.journalarchive.freezing;
