package ru.journalarchive.archiving;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the archive behaves when a storage location is down during a close.
 *
 * @param closeOnHealthyLocations false (default): a close fails clearly while any location is down; true: a class
 *                                closes once {@code archive.storage.minimum-copies} locations hold verified copies,
 *                                and {@code replicationJob} copies it to the rest later. The registry never claims a
 *                                copy that is not there.
 */
@ConfigurationProperties("archive.archiving")
record ArchivingProperties(@DefaultValue("false") boolean closeOnHealthyLocations) {
}
