/**
 * Spring Batch jobs and schedules: {@code periodCloseJob} (one partition per class) and the inbox poller.
 * Job and step names are constants and never renamed: they key the restart metadata.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Jobs")
package ru.journalarchive.jobs;
