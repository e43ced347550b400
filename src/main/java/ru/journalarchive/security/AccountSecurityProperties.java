package ru.journalarchive.security;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Lockout settings ({@code archive.security.*}).
 *
 * @param maxFailures consecutive failed logins that lock an account
 * @param lockout     how long a locked account stays locked
 */
@Validated
@ConfigurationProperties("archive.security")
public record AccountSecurityProperties(@DefaultValue("5") @Min(1) int maxFailures,
                                        @DefaultValue("15m") @NotNull Duration lockout) {
}
