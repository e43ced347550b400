/**
 * Storage: the write-once storage locations that keep every archived object (PDF, frozen JSON) at the same key
 * in at least {@code archive.storage.minimum-copies} places, and the fixity check that re-hashes them.
 * The key layout is documented in {@code archive-format/storage-layout.md}; keys are built by {@link
 * ru.journalarchive.storage.ObjectKeys}. This module knows nothing of PDFs or journals: it stores bytes.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Storage")
package ru.journalarchive.storage;
