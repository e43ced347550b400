package ru.journalarchive.security;

import java.time.Duration;
import org.springframework.security.core.AuthenticationException;

/**
 * A password login refused without a check because its client address is blocked ({@link LoginThrottle}); the
 * answer (429 with {@code Retry-After}) is the same whether the login exists or not.
 */
public class LoginThrottledException extends AuthenticationException {

    private final Duration retryAfter;

    LoginThrottledException(Duration retryAfter) {
        super("too many failed logins from this address");
        this.retryAfter = retryAfter;
    }

    /** How long the address must wait, rounded up to whole seconds (at least one). */
    public long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}
