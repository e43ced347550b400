package ru.journalarchive.security;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Login throttling settings ({@code archive.security.*}); the policy is described in {@code docs/access.md}.
 *
 * @param maxFailures        consecutive failed logins of one login from one client address that lock that pair
 * @param lockout            the longest a (login, address) pair or an address stays locked (the cap of the doubling)
 * @param firstLockout       how long the first lock of a pair (and the first block of an address) lasts; each
 *                           further lock doubles it, up to {@code lockout}
 * @param addressMaxFailures failed password logins (any login) from one address within {@code addressWindow} after
 *                           which that address is answered 429 without any password check
 * @param addressWindow      the window in which an address's failures are counted
 */
@Validated
@ConfigurationProperties("archive.security")
public record AccountSecurityProperties(@DefaultValue("5") @Min(1) int maxFailures,
                                        @DefaultValue("15m") @NotNull Duration lockout,
                                        @DefaultValue("1m") @NotNull Duration firstLockout,
                                        @DefaultValue("20") @Min(1) int addressMaxFailures,
                                        @DefaultValue("1m") @NotNull Duration addressWindow) {
}
