package ru.journalarchive.security;

import java.time.Instant;
import java.util.Set;

/**
 * A staff account as listed (never its hash); {@code failedAttempts} and {@code lockedUntil} are the account-wide lock
 * of issue 7, no longer set (locks are per login and address, in memory); {@code disabledAt} is null while enabled.
 */
public record StaffAccount(String login, Role role, Set<String> schools, int failedAttempts, Instant lockedUntil,
                           Instant disabledAt) {
}
