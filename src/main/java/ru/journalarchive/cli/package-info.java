/**
 * The command line (picocli): import, close, documents, verify, serve, generate and benchmark. Messages for staff
 * come from {@code i18n/cli.properties} (Russian).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Command line")
package ru.journalarchive.cli;
