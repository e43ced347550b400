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
import ru.journalarchive.accesslog.AccessAction;
import ru.journalarchive.accesslog.AccessEntry;
import ru.journalarchive.accesslog.AccessLog;

/**
 * The staff accounts: creates them (strong passwords only, hashed with Spring Security's
 * {@code DelegatingPasswordEncoder}, BCrypt today), lists them, disables and enables them, and checks a login at the
 * same cost whatever the outcome (throttling and locks are {@link LoginThrottle}'s).
 */
@Service
public class Accounts {

    /** The outcome of a login attempt. */
    public enum Outcome { OK, UNKNOWN, WRONG_PASSWORD, DISABLED }

    /** A login attempt's outcome, with the caller when it succeeded. */
    public record Check(Outcome outcome, Caller caller) {
    }

    // Compared against when the login is unknown, so an unknown login costs as much time as a wrong password.
    private static final String DUMMY = PasswordEncoderFactories.createDelegatingPasswordEncoder()
            .encode("not-a-password-of-anyone");

    private final JdbcClient jdbc;
    private final AccessLog accessLog;
    private final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
    private final Clock clock;

    Accounts(JdbcClient jdbc, AccessLog accessLog, Optional<Clock> clock) {
        this.jdbc = jdbc;
        this.accessLog = accessLog;
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
        return jdbc.sql("SELECT login, role, failed_attempts, locked_until, disabled_at FROM app_user WHERE login = ?")
                .param(login)
                .query((rs, n) -> new StaffAccount(rs.getString(1), Role.valueOf(rs.getString(2)),
                        schoolsOf(login), rs.getInt(3),
                        rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant(),
                        rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant()))
                .optional();
    }

    /**
     * Checks a login and password. Every outcome costs one bcrypt comparison: an unknown login is compared against a
     * dummy hash and a disabled account against its own, so neither answers sooner than a wrong password. Locks are
     * kept per (login, address) by {@link LoginThrottle}, not here: no failure changes the account itself.
     */
    public Check check(String login, String password) {
        record Row(String hash, boolean disabled) {
        }
        Optional<Row> row = login == null || login.length() > 64 ? Optional.empty()
                : jdbc.sql("SELECT password_hash, disabled_at IS NOT NULL FROM app_user WHERE login = ?")
                        .param(login).query((rs, n) -> new Row(rs.getString(1), rs.getBoolean(2))).optional();
        if (row.isEmpty()) {
            encoder.matches(password, DUMMY);
            return new Check(Outcome.UNKNOWN, null);
        }
        boolean matches = encoder.matches(password, row.get().hash());
        if (row.get().disabled()) {
            return new Check(Outcome.DISABLED, null);
        }
        if (!matches) {
            return new Check(Outcome.WRONG_PASSWORD, null);
        }
        StaffAccount account = find(login).orElseThrow();
        return new Check(Outcome.OK, new Caller(login, account.role(), account.schools()));
    }

    /** Spends the time of one password check without looking at any account (a locked login answers this way). */
    public void dummyCheck(String password) {
        encoder.matches(password, DUMMY);
    }

    /** The caller of an account that exists and is not disabled (a session checks this on every request). */
    public Optional<Caller> active(String login) {
        return jdbc.sql("SELECT role FROM app_user WHERE login = ? AND disabled_at IS NULL").param(login)
                .query(String.class).optional()
                .map(role -> new Caller(login, Role.valueOf(role), schoolsOf(login)));
    }

    /**
     * Disables an account now (recorded in the access log as done {@code by}); its password, sessions and tokens stop
     * working at once. False if it is already disabled; {@link IllegalArgumentException} if there is no such login.
     */
    @Transactional
    public boolean disable(String login, String by) {
        exists(login);
        boolean done = jdbc.sql("UPDATE app_user SET disabled_at = ? WHERE login = ? AND disabled_at IS NULL")
                .params(Timestamp.from(clock.instant()), login).update() == 1;
        if (done) {
            accessLog.record(new AccessEntry(by, AccessAction.USER_DISABLED, null, null, null, null, null,
                    "login=" + login));
        }
        return done;
    }

    /** Enables a disabled account (logged as done {@code by}); false if it was not disabled. */
    @Transactional
    public boolean enable(String login, String by) {
        exists(login);
        boolean done = jdbc.sql("UPDATE app_user SET disabled_at = NULL WHERE login = ? AND disabled_at IS NOT NULL")
                .param(login).update() == 1;
        if (done) {
            accessLog.record(new AccessEntry(by, AccessAction.USER_ENABLED, null, null, null, null, null,
                    "login=" + login));
        }
        return done;
    }

    private void exists(String login) {
        if (find(login).isEmpty()) {
            throw new IllegalArgumentException("no such login: " + login);
        }
    }

    private Set<String> schoolsOf(String login) {
        return new LinkedHashSet<>(jdbc.sql("SELECT school_id FROM app_user_school WHERE login = ? ORDER BY school_id")
                .param(login).query(String.class).list());
    }
}
