package ru.journalarchive.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The staff accounts: creates them (strong passwords only, hashed with Spring Security's
 * {@code DelegatingPasswordEncoder}, BCrypt today), lists them, and checks a login, counting failures and locking the
 * account for {@code archive.security.lockout} after {@code archive.security.max-failures} in a row.
 */
@Service
public class Accounts {

    /** The outcome of a login attempt. */
    public enum Outcome { OK, UNKNOWN, WRONG_PASSWORD, LOCKED, LOCKED_NOW }

    /** A login attempt's outcome, with the caller when it succeeded. */
    public record Check(Outcome outcome, Caller caller) {
    }

    // Compared against when the login is unknown, so an unknown login costs as much time as a wrong password.
    private static final String DUMMY = PasswordEncoderFactories.createDelegatingPasswordEncoder()
            .encode("not-a-password-of-anyone");

    private final JdbcClient jdbc;
    private final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
    private final AccountSecurityProperties properties;
    private final Clock clock;

    Accounts(JdbcClient jdbc, AccountSecurityProperties properties, Optional<Clock> clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    /** Creates an account; throws {@link WeakPasswordException} or {@link IllegalArgumentException} (login taken). */
    @Transactional
    public StaffAccount create(String login, String password, Role role, Set<String> schools) {
        PasswordPolicy.check(login, password);
        if (find(login).isPresent()) {
            throw new IllegalArgumentException("login exists: " + login);
        }
        jdbc.sql("INSERT INTO app_user (login, password_hash, role, created_at) VALUES (?, ?, ?, ?)")
                .params(login, encoder.encode(password), role.name(), Timestamp.from(clock.instant())).update();
        for (String school : new LinkedHashSet<>(schools)) {
            jdbc.sql("INSERT INTO app_user_school (login, school_id) VALUES (?, ?)").params(login, school).update();
        }
        return find(login).orElseThrow();
    }

    /**
     * Sets a new password on an existing account and unlocks it (the embedded demo renews its demo users' passwords on
     * every start); throws {@link WeakPasswordException}, or {@link IllegalArgumentException} if there is no such login.
     */
    @Transactional
    public void setPassword(String login, String password) {
        PasswordPolicy.check(login, password);
        int updated = jdbc.sql("UPDATE app_user SET password_hash = ?, failed_attempts = 0, locked_until = NULL "
                + "WHERE login = ?").params(encoder.encode(password), login).update();
        if (updated == 0) {
            throw new IllegalArgumentException("no such login: " + login);
        }
    }

    /** Every account, by login. */
    public List<StaffAccount> list() {
        return jdbc.sql("SELECT login FROM app_user ORDER BY login").query(String.class).list().stream()
                .map(l -> find(l).orElseThrow()).toList();
    }

    /** One account. */
    public Optional<StaffAccount> find(String login) {
        return jdbc.sql("SELECT login, role, failed_attempts, locked_until FROM app_user WHERE login = ?")
                .param(login)
                .query((rs, n) -> new StaffAccount(rs.getString(1), Role.valueOf(rs.getString(2)),
                        schoolsOf(login), rs.getInt(3),
                        rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant()))
                .optional();
    }

    /** Checks a login and password, counting a failure or clearing the count. */
    @Transactional
    public Check check(String login, String password) {
        Instant now = clock.instant();
        Optional<String> hash = jdbc.sql("SELECT password_hash FROM app_user WHERE login = ? FOR UPDATE")
                .param(login).query(String.class).optional();
        if (hash.isEmpty()) {
            encoder.matches(password, DUMMY);
            return new Check(Outcome.UNKNOWN, null);
        }
        StaffAccount account = find(login).orElseThrow();
        if (account.lockedUntil() != null && account.lockedUntil().isAfter(now)) {
            return new Check(Outcome.LOCKED, null);
        }
        if (!encoder.matches(password, hash.get())) {
            int failures = account.failedAttempts() + 1;
            boolean lock = failures >= properties.maxFailures();
            jdbc.sql("UPDATE app_user SET failed_attempts = ?, locked_until = ? WHERE login = ?")
                    .params(lock ? 0 : failures, lock ? Timestamp.from(now.plus(properties.lockout())) : null, login)
                    .update();
            return new Check(lock ? Outcome.LOCKED_NOW : Outcome.WRONG_PASSWORD, null);
        }
        if (account.failedAttempts() != 0 || account.lockedUntil() != null) {
            jdbc.sql("UPDATE app_user SET failed_attempts = 0, locked_until = NULL WHERE login = ?").param(login)
                    .update();
        }
        return new Check(Outcome.OK, new Caller(login, account.role(), account.schools()));
    }

    private Set<String> schoolsOf(String login) {
        return new LinkedHashSet<>(jdbc.sql("SELECT school_id FROM app_user_school WHERE login = ? ORDER BY school_id")
                .param(login).query(String.class).list());
    }
}
