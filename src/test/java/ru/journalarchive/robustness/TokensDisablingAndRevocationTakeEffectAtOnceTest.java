package ru.journalarchive.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import ru.journalarchive.accesslog.AccessAction;
import ru.journalarchive.accesslog.AccessLog;
import ru.journalarchive.security.Accounts;
import ru.journalarchive.security.ApiKeys;
import ru.journalarchive.security.Role;
import ru.journalarchive.support.Cli;

/**
 * Personal access tokens, disabled accounts and revoked API keys (issue 13), through the real command line and the
 * real server: a token is printed once and only its SHA-256 kept, works as {@code Bearer} until it expires or is
 * revoked; {@code user disable} ends the account's password logins, tokens and open web sessions at once and
 * {@code user enable} restores them; {@code api-key revoke} ends a key; every change is in the access log.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.main.web-application-type=servlet")
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TokensDisablingAndRevocationTakeEffectAtOnceTest {

    static final String PASSWORD = "Revoke-Pass-2024!";
    static final String SEARCH = "/api/v1/search?school=revoke-a";

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    Accounts accounts;
    @Autowired
    ApiKeys apiKeys;
    @Autowired
    AccessLog accessLog;
    @Autowired
    JdbcClient jdbc;

    Cli cli;

    @BeforeAll
    void accounts() {
        cli = new Cli(context);
        accounts.create("revoke.tokens", PASSWORD, Role.ARCHIVIST, Set.of("revoke-a"));
        accounts.create("revoke.disabled", PASSWORD, Role.ARCHIVIST, Set.of("revoke-a"));
    }

    @Test
    void aTokenIsPrintedOnceKeptAsAHashAndWorksUntilItExpiresOrIsRevoked() throws Exception {
        Instant start = Instant.now();
        Cli.Result created = cli.run("user", "token", "create", "--login", "revoke.tokens", "--name", "отчёты",
                "--days", "30");
        assertThat(created.exitCode()).as(created.err()).isZero();
        assertThat(created.out()).contains("«отчёты»", "действует до");
        String token = last(created.out());
        assertThat(token).startsWith("jat_");
        assertThat(jdbc.sql("SELECT count(*) FROM personal_token WHERE token_sha256 = ?").param(sha256(token))
                .query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM personal_token WHERE token_sha256 = ? OR name = ?")
                .params(token, token).query(Long.class).single()).isZero();

        assertThat(bearer(token).status()).isEqualTo(200);
        assertThat(bearer(token + "x").status()).isEqualTo(401);
        assertThat(bearer("jat_" + "A".repeat(43)).status()).isEqualTo(401);
        // The token carries its owner's role: an archivist's token does not open IT's endpoints.
        assertThat(LoopbackHttp.get("127.0.0.1", port, "/api/v1/jobs", "Bearer " + token).status()).isEqualTo(403);

        Cli.Result duplicate = cli.run("user", "token", "create", "--login", "revoke.tokens", "--name", "отчёты");
        assertThat(duplicate.exitCode()).isEqualTo(2);
        assertThat(duplicate.err()).contains("--name", "отчёты");
        Cli.Result badDays = cli.run("user", "token", "create", "--login", "revoke.tokens", "--name", "x",
                "--days", "0");
        assertThat(badDays.exitCode()).isEqualTo(2);
        assertThat(badDays.err()).contains("--days");
        Cli.Result unknown = cli.run("user", "token", "create", "--login", "revoke.nobody", "--name", "x");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("--login", "revoke.nobody");

        // Expiry: a token whose time is up is refused.
        String old = last(cli.run("user", "token", "create", "--login", "revoke.tokens", "--name", "старый").out());
        assertThat(bearer(old).status()).isEqualTo(200);
        jdbc.sql("UPDATE personal_token SET created_at = now() - interval '2 days', expires_at = now() - interval "
                + "'1 second' WHERE token_sha256 = ?").param(sha256(old)).update();
        assertThat(bearer(old).status()).isEqualTo(401);
        assertThat(cli.run("user", "token", "list", "--login", "revoke.tokens").out()).contains("старый", "ИСТЁК");

        Cli.Result revoked = cli.run("user", "token", "revoke", "--login", "revoke.tokens", "--name", "отчёты");
        assertThat(revoked.exitCode()).as(revoked.err()).isZero();
        assertThat(bearer(token).status()).isEqualTo(401);
        Cli.Result again = cli.run("user", "token", "revoke", "--login", "revoke.tokens", "--name", "отчёты");
        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.err()).contains("--name");

        assertThat(actions(start)).contains(AccessAction.TOKEN_CREATED, AccessAction.TOKEN_REVOKED);
        assertThat(accessLog.list(start, null).stream().filter(e -> e.entry().action() == AccessAction.TOKEN_REVOKED)
                .findFirst().orElseThrow().entry().actor()).startsWith("cli:");
        assertThat(accessLog.list(start, null).toString()).doesNotContain(token);
    }

    @Test
    void aDisabledAccountLosesItsPasswordItsTokensAndItsOpenSessionAtOnce() throws Exception {
        Instant start = Instant.now();
        String token = last(cli.run("user", "token", "create", "--login", "revoke.disabled", "--name", "клиент")
                .out());
        WebSession session = WebSession.login(port, "revoke.disabled", PASSWORD);
        assertThat(session.get("/archivist").status()).isEqualTo(200);
        assertThat(basic("revoke.disabled", PASSWORD).status()).isEqualTo(200);
        assertThat(bearer(token).status()).isEqualTo(200);
        String wrongPasswordBody = basic("revoke.disabled", "Wrong-Password-9").body();

        Cli.Result disabled = cli.run("user", "disable", "--login", "revoke.disabled");
        assertThat(disabled.exitCode()).as(disabled.err()).isZero();
        assertThat(disabled.out()).contains("revoke.disabled", "отключена");

        LoopbackHttp.Response page = session.get("/archivist");
        assertThat(page.status()).isEqualTo(302);
        assertThat(page.headers().get("location")).endsWith("/login");
        assertThat(session.get("/archivist").status()).isEqualTo(302); // the session is gone, not just this request
        LoopbackHttp.Response password = basic("revoke.disabled", PASSWORD);
        assertThat(password.status()).isEqualTo(401);
        assertThat(password.body()).isEqualTo(wrongPasswordBody);
        assertThat(bearer(token).status()).isEqualTo(401);
        assertThat(WebSession.login(port, "revoke.disabled", PASSWORD).lastLogin.headers().get("location"))
                .endsWith("/login?error");
        assertThat(cli.run("user", "list").out()).contains("revoke.disabled", "ОТКЛЮЧЕНА");
        Cli.Result twice = cli.run("user", "disable", "--login", "revoke.disabled");
        assertThat(twice.exitCode()).isEqualTo(2);
        assertThat(cli.run("user", "disable", "--login", "revoke.nobody").err()).contains("--login", "revoke.nobody");

        Cli.Result enabled = cli.run("user", "enable", "--login", "revoke.disabled");
        assertThat(enabled.exitCode()).as(enabled.err()).isZero();
        assertThat(basic("revoke.disabled", PASSWORD).status()).isEqualTo(200);
        assertThat(bearer(token).status()).isEqualTo(200);

        assertThat(actions(start)).contains(AccessAction.USER_DISABLED, AccessAction.USER_ENABLED);
        Cli.Result log = cli.run("access-log");
        assertThat(log.out()).contains("учётная запись отключена", "учётная запись включена",
                "выдан персональный токен");
    }

    @Test
    void aRevokedApiKeyIsRefusedAtOnce() throws Exception {
        Instant start = Instant.now();
        String key = apiKeys.create("revoke-a", "Журнал-отзыв");
        String status = "/api/v1/snapshots/" + UUID.randomUUID();
        assertThat(LoopbackHttp.get("127.0.0.1", port, status, "ApiKey " + key).status()).isEqualTo(404);

        Cli.Result revoked = cli.run("api-key", "revoke", "--key", "Журнал-отзыв");
        assertThat(revoked.exitCode()).as(revoked.err()).isZero();
        assertThat(revoked.out()).contains("revoke-a", "Журнал-отзыв");
        assertThat(LoopbackHttp.get("127.0.0.1", port, status, "ApiKey " + key).status()).isEqualTo(401);

        Cli.Result unknown = cli.run("api-key", "revoke", "--key", "Журнал-отзыв");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("--key", "Журнал-отзыв");
        assertThat(actions(start)).contains(AccessAction.API_KEY_REVOKED);
    }

    private List<AccessAction> actions(Instant since) {
        return accessLog.list(since, null).stream().map(e -> e.entry().action()).toList();
    }

    private LoopbackHttp.Response bearer(String token) throws Exception {
        return LoopbackHttp.get("127.0.0.1", port, SEARCH, "Bearer " + token);
    }

    private LoopbackHttp.Response basic(String login, String password) throws Exception {
        return LoopbackHttp.get("127.0.0.1", port, SEARCH, LoopbackHttp.basic(login, password));
    }

    private static String last(String out) {
        return out.strip().lines().reduce((a, b) -> b).orElseThrow().strip();
    }

    private static String sha256(String token) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes()));
    }
}
