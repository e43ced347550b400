package ru.journalarchive.security;

import java.time.Instant;
import java.util.Set;

/** A staff account as listed (never its hash). */
public record StaffAccount(String login, Role role, Set<String> schools, int failedAttempts, Instant lockedUntil) {
}
