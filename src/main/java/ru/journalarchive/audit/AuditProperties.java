package ru.journalarchive.audit;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the fixity audit.
 *
 * @param cron              when {@code serve} runs {@code fixityAuditJob} (Spring cron: second minute hour day month
 *                          weekday; default {@code 0 0 2 * * *}, 02:00 every night); {@code -} never
 * @param scheduledMode     the mode of the scheduled runs ({@code rolling} by default; {@code full})
 * @param rollingShare      the share of all replicas a rolling run checks, those verified longest ago first
 *                          (0 &lt; share &le; 1; default 0.1, so every replica is checked about every ten nights)
 * @param maxBytesPerSecond the read bandwidth an audit may use, over all locations (0 = unlimited)
 * @param threads           replicas hashed in parallel (0 = one per CPU core)
 */
@Validated
@ConfigurationProperties("archive.audit")
public record AuditProperties(
        @DefaultValue("0 0 2 * * *") @NotNull String cron,
        @DefaultValue("rolling") @NotNull AuditMode scheduledMode,
        @DefaultValue("0.1") @DecimalMin(value = "0", inclusive = false) @DecimalMax("1") double rollingShare,
        @DefaultValue("0") @Min(0) long maxBytesPerSecond,
        @DefaultValue("0") @Min(0) @Max(64) int threads) {

    /** Value of {@code cron} that disables the schedule. */
    public static final String NEVER = "-";

    public AuditProperties {
        if (cron != null && !cron.isBlank() && !NEVER.equals(cron.strip()) && !CronExpression.isValidExpression(cron)) {
            throw new IllegalArgumentException("archive.audit.cron '%s' is not a cron expression (six fields: second "
                    + "minute hour day month weekday, e.g. '0 0 2 * * *'), or '-' for never".formatted(cron));
        }
    }

    /** The schedule, or null if scheduled audits are off. */
    public CronExpression schedule() {
        return cron == null || cron.isBlank() || NEVER.equals(cron.strip()) ? null : CronExpression.parse(cron);
    }

    /** The number of threads to use. */
    public int effectiveThreads() {
        return threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    }
}
