/**
 * The archive's use cases over the lower modules: importing a snapshot, closing one class (freeze, render, store in
 * every location, register) and verifying every replica. Jobs, the CLI and later the web call these.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Archiving")
package ru.journalarchive.archiving;
