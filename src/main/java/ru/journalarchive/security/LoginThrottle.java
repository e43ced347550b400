package ru.journalarchive.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Remembers failed password logins in memory and decides, before any password is checked, whether an attempt may be
 * made at all. Two independent limits (see {@code docs/access.md}):
 * <ul>
 *   <li>per (login, client address): after {@code max-failures} failures in a row the pair is locked for
 *       {@code first-lockout}, doubling with each further lock up to {@code lockout}; a success clears it. An attacker's
 *       failures from one address never lock the same login out from another address, and unknown logins are locked
 *       exactly like real ones, so the lock reveals nothing;</li>
 *   <li>per client address: more than {@code address-max-failures} failures (any logins) within
 *       {@code address-window} block the whole address for a growing period; a blocked address is answered at once,
 *       without a password check (no bcrypt), so a flood cannot eat the server's CPU;</li>
 *   <li>an address with a recent failure ({@link #suspect}) shares a pool of password checks as large as half the
 *       processors; when it is full the attempt is answered 429 at once, so attackers spread over many addresses
 *       cannot starve the logins of addresses without failures.</li>
 * </ul>
 * The state is lost on restart, which only ends the locks early.
 */
@Component
public class LoginThrottle {

    /** Entries kept at most per map; beyond that, entries idle for the longest lock are forgotten first. */
    private static final int MAX_ENTRIES = 100_000;

    /** What a failure did: whether it locked the pair or blocked the address just now, and for how long. */
    public record Failure(Duration pairLockedFor, Duration addressBlockedFor) {
    }

    private final AccountSecurityProperties properties;
    private final Clock clock;
    private final Map<String, Pair> pairs = new ConcurrentHashMap<>();
    private final Map<String, Address> addresses = new ConcurrentHashMap<>();
    // Half the processors: however many addresses attack, their bcrypt checks leave the other half to everyone else.
    private final java.util.concurrent.Semaphore suspectChecks = new java.util.concurrent.Semaphore(
            Math.max(1, Runtime.getRuntime().availableProcessors() / 2));

    LoginThrottle(AccountSecurityProperties properties, Optional<Clock> clock) {
        this.properties = properties;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    /** How long the address must still wait, if it is blocked; answered from memory, nothing else is done. */
    public Optional<Duration> blocked(String address) {
        Address a = addresses.get(address);
        if (a == null) {
            return Optional.empty();
        }
        synchronized (a) {
            Instant now = clock.instant();
            return a.blockedUntil != null && a.blockedUntil.isAfter(now)
                    ? Optional.of(Duration.between(now, a.blockedUntil)) : Optional.empty();
        }
    }

    /**
     * Whether the address has failed a login within the window (or is blocked): its password checks then share a
     * small pool ({@link #trySuspectCheck}) so a flood from many fresh addresses cannot starve everyone else's logins.
     */
    public boolean suspect(String address) {
        Address a = addresses.get(address);
        if (a == null) {
            return false;
        }
        synchronized (a) {
            Instant now = clock.instant();
            return a.blockedUntil != null && a.blockedUntil.isAfter(now)
                    || !a.failures.isEmpty() && a.failures.peekLast().isAfter(now.minus(properties.addressWindow()));
        }
    }

    /** Takes one of the few password checks a suspect address may run at once; false (answer 429) if none is free. */
    public boolean trySuspectCheck() {
        return suspectChecks.tryAcquire();
    }

    /** Gives back a check taken with {@link #trySuspectCheck}. */
    public void endSuspectCheck() {
        suspectChecks.release();
    }

    /** Whether this login is locked for this address (its password is then not checked against the account). */
    public boolean locked(String login, String address) {
        Pair p = pairs.get(key(login, address));
        if (p == null) {
            return false;
        }
        synchronized (p) {
            return p.lockedUntil != null && p.lockedUntil.isAfter(clock.instant());
        }
    }

    /** Records a failed login; says whether the pair got locked or the address blocked by it. */
    public Failure failed(String login, String address) {
        Instant now = clock.instant();
        prune(now);
        Duration pairLock = null;
        Pair p = pairs.computeIfAbsent(key(login, address), k -> new Pair());
        synchronized (p) {
            p.last = now;
            if (p.lockedUntil == null || !p.lockedUntil.isAfter(now)) {
                if (p.lockedUntil != null && p.lockedUntil.plus(properties.lockout()).isBefore(now)) {
                    p.locks = 0; // quiet for a whole lockout after the last lock: start again from the first lock
                }
                p.failures++;
                if (p.failures >= properties.maxFailures()) {
                    pairLock = growing(p.locks++);
                    p.lockedUntil = now.plus(pairLock);
                    p.failures = 0;
                }
            }
        }
        Duration addressBlock = null;
        Address a = addresses.computeIfAbsent(address, k -> new Address());
        synchronized (a) {
            a.last = now;
            while (!a.failures.isEmpty() && !a.failures.peekFirst().isAfter(now.minus(properties.addressWindow()))) {
                a.failures.pollFirst();
            }
            a.failures.addLast(now);
            boolean blockedNow = a.blockedUntil != null && a.blockedUntil.isAfter(now);
            if (!blockedNow && a.failures.size() > properties.addressMaxFailures()) {
                if (a.blockedUntil != null && a.blockedUntil.plus(properties.lockout()).isBefore(now)) {
                    a.blocks = 0;
                }
                addressBlock = growing(a.blocks++);
                a.blockedUntil = now.plus(addressBlock);
                a.failures.clear();
            }
        }
        return new Failure(pairLock, addressBlock);
    }

    /** Records a successful login: the pair's failures and locks are forgotten (the address's are not). */
    public void succeeded(String login, String address) {
        pairs.remove(key(login, address));
    }

    /** Forgets every lock and block (the {@code user enable} of an account does not need it; tests do). */
    public void clear() {
        pairs.clear();
        addresses.clear();
    }

    private Duration growing(int previous) {
        Duration d = properties.firstLockout().multipliedBy(1L << Math.min(previous, 20));
        return d.compareTo(properties.lockout()) > 0 ? properties.lockout() : d;
    }

    private void prune(Instant now) {
        if (pairs.size() > MAX_ENTRIES) {
            Instant idle = now.minus(properties.lockout().multipliedBy(2));
            pairs.values().removeIf(p -> p.last.isBefore(idle));
            if (pairs.size() > MAX_ENTRIES) {
                pairs.clear(); // a flood of distinct logins: forgetting is safer than running out of memory
            }
        }
        if (addresses.size() > MAX_ENTRIES) {
            Instant idle = now.minus(properties.lockout().multipliedBy(2));
            addresses.values().removeIf(a -> a.last.isBefore(idle) && (a.blockedUntil == null
                    || a.blockedUntil.isBefore(now)));
        }
    }

    private static String key(String login, String address) {
        // No account's login is longer than 64 characters: a longer one is cut so a flood cannot fill the memory.
        String l = login == null ? "" : login.strip().toLowerCase(java.util.Locale.ROOT);
        return (l.length() > 65 ? l.substring(0, 65) : l) + '\u0000' + address;
    }

    private static final class Pair {
        int failures;
        int locks;
        Instant lockedUntil;
        Instant last = Instant.EPOCH;
    }

    private static final class Address {
        final ArrayDeque<Instant> failures = new ArrayDeque<>();
        int blocks;
        Instant blockedUntil;
        Instant last = Instant.EPOCH;
    }
}
