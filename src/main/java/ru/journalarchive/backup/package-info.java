/**
 * Backup media: BagIt bags (RFC 8493) of archived objects written to optical discs, hard disks and USB drives, the
 * register of those media and the log of their use, checking a bag against itself and the registry, and restoring a
 * lost storage location from a bag. The bag profile is {@code archive-format/bagit-profile.md}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Backup media")
package ru.journalarchive.backup;
