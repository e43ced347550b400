package ru.journalarchive.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import ru.journalarchive.accesslog.AccessAction;
import ru.journalarchive.accesslog.AccessLog;
import ru.journalarchive.security.Accounts;
import ru.journalarchive.security.Role;

/**
 * Login (issue 13): a wrong password, an unknown login, a login locked for this address and a disabled account get
 * the same answer — API and login form alike — and an unknown login costs a password check too; an attacker's
 * failures from one client address lock neither the account nor other addresses out; an address with too many
 * failures is answered 429 at once (no password check), the same for every login. Each test uses its own loopback
 * address (the server trusts the socket's address, not {@code X-Forwarded-For}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.main.web-application-type=servlet")
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LoginFailuresLookAlikeAndCannotLockOthersOutTest {

    static final String PASSWORD = "Login-Pass-2024!";
    static final String PATH = "/api/v1/documents";

    @LocalServerPort
    int port;
    @Autowired
    Accounts accounts;
    @Autowired
    AccessLog accessLog;

    @BeforeAll
    void accounts() {
        for (String login : List.of("login.victim", "login.locked", "login.disabled", "login.timed")) {
            accounts.create(login, PASSWORD, Role.ARCHIVIST, Set.of("login-a"));
        }
        accounts.disable("login.disabled", "test");
    }

    @Test
    void wrongPasswordUnknownLoginLockedAndDisabledGetTheSameAnswer() throws Exception {
        for (int i = 0; i < 5; i++) {
            assertThat(basic("127.0.0.3", "login.locked", "Wrong-" + i).status()).isEqualTo(401);
        }
        List<LoopbackHttp.Response> answers = List.of(basic("127.0.0.4", "login.victim", "Wrong-Password-1"),
                basic("127.0.0.4", "login.nobody", PASSWORD), basic("127.0.0.3", "login.locked", PASSWORD),
                basic("127.0.0.4", "login.disabled", PASSWORD));
        for (LoopbackHttp.Response answer : answers) {
            assertThat(answer.status()).isEqualTo(401);
            assertThat(answer.body()).isEqualTo(answers.get(0).body());
            assertThat(answer.headers().get("www-authenticate")).isEqualTo(
                    answers.get(0).headers().get("www-authenticate"));
            assertThat(answer.headers().get("content-type")).isEqualTo(answers.get(0).headers().get("content-type"));
        }
        assertThat(answers.get(0).body()).contains("Требуется вход");

        // The login form: the same page for all four.
        for (String[] attempt : List.of(new String[] {"127.0.0.4", "login.victim", "Wrong-Password-2"},
                new String[] {"127.0.0.4", "login.nobody", PASSWORD},
                new String[] {"127.0.0.3", "login.locked", PASSWORD},
                new String[] {"127.0.0.4", "login.disabled", PASSWORD})) {
            LoopbackHttp.Response form = WebSession.login(port, attempt[0], attempt[1], attempt[2]).lastLogin;
            assertThat(form.status()).as(attempt[1]).isEqualTo(302);
            assertThat(form.headers().get("location")).as(attempt[1]).endsWith("/login?error");
        }
    }

    @Test
    void anUnknownLoginCostsAPasswordCheckLikeAWrongPassword() throws Exception {
        // Only an order of magnitude: without the dummy bcrypt an unknown login answers ~20–50× sooner.
        long wrong = Long.MAX_VALUE;
        long unknown = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long start = System.nanoTime();
            assertThat(basic("127.0.0.6", "login.timed", "Wrong-Password-" + i).status()).isEqualTo(401);
            wrong = Math.min(wrong, System.nanoTime() - start);
            start = System.nanoTime();
            assertThat(basic("127.0.0.6", "login.unknown" + i, "Wrong-Password-" + i).status()).isEqualTo(401);
            unknown = Math.min(unknown, System.nanoTime() - start);
        }
        assertThat(unknown).as("unknown %d ns, wrong password %d ns", unknown, wrong).isGreaterThan(wrong / 4);
    }

    @Test
    void anAttackersFailuresFromOneAddressDoNotLockTheUserOutFromAnother() throws Exception {
        Instant start = Instant.now();
        for (int i = 0; i < 12; i++) {
            assertThat(basic("127.0.0.2", "login.victim", "Guess-" + i).status()).isEqualTo(401);
        }
        assertThat(basic("127.0.0.2", "login.victim", PASSWORD).status()).isEqualTo(401); // locked there
        assertThat(basic("127.0.0.1", "login.victim", PASSWORD).status()).isEqualTo(200);
        assertThat(basic("127.0.0.7", "login.victim", PASSWORD).status()).isEqualTo(200);
        assertThat(WebSession.login(port, "127.0.0.7", "login.victim", PASSWORD).lastLogin.headers().get("location"))
                .doesNotContain("error");
        assertThat(accessLog.list(start, null).stream().filter(e -> e.entry().actor().equals("login.victim")
                && e.entry().action() == AccessAction.LOCKED_OUT).map(e -> e.entry().detail()).toList())
                .hasSize(1).allSatisfy(d -> assertThat(d).contains("address=127.0.0.2"));
    }

    @Test
    void anAddressWithTooManyFailuresIsAnswered429AtOnceWhateverTheLogin() throws Exception {
        Instant start = Instant.now();
        for (int i = 0; i < 21; i++) {
            assertThat(basic("127.0.0.5", "flood" + i, "Guess-" + i).status()).isEqualTo(401);
        }
        long checked = failuresFrom("127.0.0.5", start);
        List<LoopbackHttp.Response> throttled = new ArrayList<>();
        long started = System.nanoTime();
        for (int i = 0; i < 20; i++) {
            throttled.add(basic("127.0.0.5", i % 2 == 0 ? "login.victim" : "flood-unknown", PASSWORD));
        }
        long perRequestMillis = (System.nanoTime() - started) / 20 / 1_000_000;
        for (LoopbackHttp.Response r : throttled) {
            assertThat(r.status()).isEqualTo(429);
            assertThat(Long.parseLong(r.headers().get("retry-after"))).isBetween(1L, 60L);
            assertThat(r.body()).isEqualTo(throttled.get(0).body()).contains("Слишком много неудачных попыток входа");
        }
        // No password was checked for them: nothing more was logged as a failure, and the address's block once.
        assertThat(failuresFrom("127.0.0.5", start)).isEqualTo(checked);
        assertThat(accessLog.list(start, null).stream().filter(e -> e.entry().action() == AccessAction.THROTTLED
                && e.entry().actor().equals("address:127.0.0.5")).count()).isEqualTo(1);
        System.out.println("[measure] throttled answer: " + perRequestMillis + " ms per request");

        LoopbackHttp.Response form = WebSession.login(port, "127.0.0.5", "login.victim", PASSWORD).lastLogin;
        assertThat(form.headers().get("location")).endsWith("/login?throttled");
        // The user at another address is not affected.
        assertThat(basic("127.0.0.8", "login.victim", PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void addressesWithRecentFailuresShareAFewPasswordChecksAndTheRestAreAnswered429AtOnce() throws Exception {
        int n = 2 * Runtime.getRuntime().availableProcessors() + 8;
        List<String> addresses = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            addresses.add("127.0.1." + i);
            assertThat(basic("127.0.1." + i, "spread" + i, "Guess-0").status()).isEqualTo(401); // now suspect
        }
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(n);
        List<java.util.concurrent.Future<LoopbackHttp.Response>> answers = new ArrayList<>();
        for (String address : addresses) {
            answers.add(pool.submit(() -> {
                go.await();
                return basic(address, "login.victim", "Guess-1");
            }));
        }
        go.countDown();
        long refused = 0;
        for (var answer : answers) {
            LoopbackHttp.Response r = answer.get(60, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(r.status()).isIn(401, 429);
            refused += r.status() == 429 ? 1 : 0;
        }
        pool.shutdown();
        assertThat(refused).as("attempts answered 429 without a check, of %d at once", n).isPositive();
        // A clean address is not held back by them.
        assertThat(basic("127.0.0.10", "login.victim", PASSWORD).status()).isEqualTo(200);
    }

    private long failuresFrom(String address, Instant since) {
        return accessLog.list(since, null).stream().filter(e -> e.entry().action() == AccessAction.LOGIN_FAILED
                && e.entry().detail() != null && e.entry().detail().endsWith("address=" + address)).count();
    }

    private LoopbackHttp.Response basic(String from, String login, String password) throws Exception {
        return LoopbackHttp.get(from, port, PATH, LoopbackHttp.basic(login, password));
    }
}
