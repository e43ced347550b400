package ru.journalarchive.security;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.journalarchive.accesslog.AccessAction;
import ru.journalarchive.accesslog.AccessEntry;
import ru.journalarchive.accesslog.AccessLog;

/**
 * Staff members' personal access tokens for API clients ({@code Authorization: Bearer …}): issued with an expiry and
 * printed once (only the SHA-256 is kept, as for API keys), revocable, and resolved by one indexed lookup instead of a
 * bcrypt check per request. A token of a disabled account, an expired or a revoked token resolves to nothing.
 */
@Service
public class PersonalTokens {

    /** The prefix of every personal token (an API key starts with {@code ja_}). */
    public static final String PREFIX = "jat_";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final AccessLog accessLog;
    private final Clock clock;

    PersonalTokens(JdbcClient jdbc, Accounts accounts, AccessLog accessLog, Optional<Clock> clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.accessLog = accessLog;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    /** A token issued: the token itself (not kept) and when it expires. */
    public record Issued(String token, String name, Instant expiresAt) {
    }

    /** A token as listed: never the token itself. */
    public record Token(UUID id, String login, String name, Instant createdAt, Instant expiresAt, Instant revokedAt) {
    }

    /**
     * Issues a token to an account for {@code validity}.
     *
     * @throws IllegalArgumentException if there is no such login ({@code unknown}), the account is disabled
     *                                  ({@code disabled}) or it already has a token of that name ({@code exists})
     */
    @Transactional
    public Issued create(String login, String name, Duration validity, String by) {
        StaffAccount account = accounts.find(login).orElseThrow(() -> new IllegalArgumentException("unknown"));
        if (account.disabledAt() != null) {
            throw new IllegalArgumentException("disabled");
        }
        if (jdbc.sql("SELECT count(*) FROM personal_token WHERE login = ? AND name = ?").params(login, name.strip())
                .query(Long.class).single() > 0) {
            throw new IllegalArgumentException("exists");
        }
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant expires = now.plus(validity);
        jdbc.sql("INSERT INTO personal_token (id, login, name, token_sha256, created_at, expires_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?)")
                .params(UUID.randomUUID(), login, name.strip(), ApiKeys.sha256(token), Timestamp.from(now),
                        Timestamp.from(expires)).update();
        accessLog.record(new AccessEntry(by, AccessAction.TOKEN_CREATED, null, null, null, null, null,
                "login=" + login + " token=" + name.strip() + " expires=" + expires));
        return new Issued(token, name.strip(), expires);
    }

    /** Revokes a live token of an account by its name (logged as done {@code by}); false if there is none. */
    @Transactional
    public boolean revoke(String login, String name, String by) {
        boolean done = jdbc.sql("UPDATE personal_token SET revoked_at = ? WHERE login = ? AND name = ? "
                + "AND revoked_at IS NULL").params(Timestamp.from(clock.instant()), login, name.strip()).update() == 1;
        if (done) {
            accessLog.record(new AccessEntry(by, AccessAction.TOKEN_REVOKED, null, null, null, null, null,
                    "login=" + login + " token=" + name.strip()));
        }
        return done;
    }

    /** An account's tokens, oldest first. */
    public List<Token> list(String login) {
        return jdbc.sql("SELECT id, login, name, created_at, expires_at, revoked_at FROM personal_token "
                        + "WHERE login = ? ORDER BY created_at, name").param(login)
                .query((rs, n) -> new Token(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant(), rs.getTimestamp(5).toInstant(),
                        rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant()))
                .list();
    }

    /** The staff member a presented token belongs to, if it is live and its account enabled. */
    public Optional<Caller> resolve(String token) {
        if (token == null || !token.startsWith(PREFIX) || token.length() > 200) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT t.login FROM personal_token t JOIN app_user u ON u.login = t.login "
                        + "WHERE t.token_sha256 = ? AND t.revoked_at IS NULL AND t.expires_at > ? "
                        + "AND u.disabled_at IS NULL")
                .params(ApiKeys.sha256(token), Timestamp.from(clock.instant()))
                .query(String.class).optional().flatMap(accounts::active);
    }
}
