/**
 * The access log (record class {@code access-log}): who searched, opened, retrieved or extracted what, when, why and
 * for whom. Insert-only in the database; every module that hands archived data to a person records through
 * {@link ru.journalarchive.accesslog.AccessLog}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Access log")
package ru.journalarchive.accesslog;
