package ru.journalarchive.jobs;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the jobs and the inbox.
 *
 * @param closeThreads       classes closed in parallel by {@code periodCloseJob} (0 = one per CPU core)
 * @param inbox              the inbox folder polled for snapshots
 */
@Validated
@ConfigurationProperties("archive.jobs")
record JobsProperties(@DefaultValue("0") @Min(0) @Max(64) int closeThreads, @Valid @DefaultValue Inbox inbox) {

    /**
     * The inbox: a folder where snapshots are dropped to be imported and closed.
     *
     * @param enabled      whether the service polls it
     * @param directory    the folder; accepted files move to {@code done/}, rejected ones to {@code rejected/}
     * @param pollInterval how often it is polled
     * @param settleTime   a file must be unchanged this long before it is taken (it may still be being copied)
     */
    record Inbox(@DefaultValue("true") boolean enabled, @NotNull Path directory,
                 @DefaultValue("30s") Duration pollInterval, @DefaultValue("5s") Duration settleTime) {
    }

    int effectiveCloseThreads() {
        return closeThreads > 0 ? closeThreads : Runtime.getRuntime().availableProcessors();
    }
}
