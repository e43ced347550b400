package ru.journalarchive.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import ru.journalarchive.search.SearchBenchmark;
import ru.journalarchive.security.Accounts;
import ru.journalarchive.security.LoginThrottle;
import ru.journalarchive.security.PersonalTokens;
import ru.journalarchive.security.Role;

/**
 * The access benchmark of issue 13 (not a timed test: it asserts no figure, it prints them). Fills a registry with
 * one synthetic school over 25 years (the search benchmark's fill: 825 pupils a year, about 2,700 pupils, far more
 * than a 1,000-pupil archive), then on the real server: 50 concurrent staff API searches for 30 s with a personal
 * token and for 30 s with HTTP Basic (p50/p95/max, throughput); then a real user's searches, one at a time, alone and
 * while 50 anonymous bad-Basic clients hammer the server from one address and from 50 addresses.
 * <p>
 * Run: {@code ./mvnw -o test -Dtest=AccessBenchmark -Daccess.benchmark=true} (the class name does not end in
 * {@code Test}: the ordinary build never runs it). Figures are printed as {@code [access-benchmark] …} lines.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.main.web-application-type=servlet",
        "archive.data-directory=target/test-data/access-benchmark-${random.uuid}"})
@ActiveProfiles("test")
@EnabledIfSystemProperty(named = "access.benchmark", matches = "true")
class AccessBenchmark {

    static final String PASSWORD = "Bench-Pass-2024!";
    static final int CLIENTS = 50;

    @LocalServerPort
    int port;
    @Autowired
    SearchBenchmark fill;
    @Autowired
    Accounts accounts;
    @Autowired
    PersonalTokens tokens;
    @Autowired
    LoginThrottle throttle;
    @Autowired
    JdbcClient jdbc;

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    List<String> surnames;

    @Test
    void fiftyConcurrentStaffSearchesAndARealUserUnderAnAnonymousFlood() throws Exception {
        SearchBenchmark.Fill filled = fill.fill(1, 7);
        long pupils = jdbc.sql("SELECT count(DISTINCT pupil_id) FROM pupil_occurrence").query(Long.class).single();
        print("archive: schools=%d documents=%d pupils=%d occurrences=%d (fill %.1f s)", filled.schools(),
                filled.documents(), pupils, filled.occurrences(), filled.millis() / 1000.0);
        surnames = jdbc.sql("SELECT DISTINCT split_part(full_name, ' ', 1) FROM pupil_occurrence LIMIT 400")
                .query(String.class).list();
        accounts.create("bench.archivist", PASSWORD, Role.ARCHIVIST, Set.of("bench-1"));
        String token = tokens.create("bench.archivist", "benchmark", Duration.ofDays(1), "benchmark").token();
        String bearer = "Bearer " + token;
        String basic = LoopbackHttp.basic("bench.archivist", PASSWORD);

        load("warm-up (token, 10 clients, 5 s)", bearer, 10, 5);
        load("50 clients, personal token, 30 s", bearer, CLIENTS, 30);
        load("50 clients, HTTP Basic, 30 s", basic, CLIENTS, 30);

        realUser("real user (token), alone", bearer, null, 10);
        realUser("real user (Basic), alone", basic, null, 10);
        throttle.clear();
        realUser("real user (Basic), 50 bad-Basic clients from one address", basic, List.of("127.0.0.2"), 20);
        throttle.clear();
        List<String> many = new ArrayList<>();
        for (int i = 2; i < 2 + CLIENTS; i++) {
            many.add("127.0.0." + i);
        }
        realUser("real user (Basic), 50 bad-Basic clients from 50 addresses", basic, many, 20);
        throttle.clear();
        realUser("real user (token), 50 bad-Basic clients from 50 addresses", bearer, many, 20);
    }

    /** {@code clients} concurrent searchers for {@code seconds}: p50/p95/max and throughput. */
    private void load(String label, String authorization, int clients, int seconds) throws Exception {
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicLong errors = new AtomicLong();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        for (int c = 0; c < clients; c++) {
            Random random = new Random(c);
            pool.submit(() -> {
                while (System.nanoTime() < end) {
                    long start = System.nanoTime();
                    int status = search(authorization, random);
                    latencies.add(System.nanoTime() - start);
                    if (status != 200) {
                        errors.incrementAndGet();
                    }
                }
                return null;
            });
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(seconds + 120L, TimeUnit.SECONDS)).isTrue();
        report(label, latencies, errors.get(), seconds);
    }

    /** One user's searches one after another while {@code hammer} addresses send bad Basic logins. */
    private void realUser(String label, String authorization, List<String> hammer, int seconds) throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        ConcurrentHashMap<Integer, AtomicLong> answers = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        if (hammer != null) {
            for (int c = 0; c < CLIENTS; c++) {
                String from = hammer.get(c % hammer.size());
                int n = c;
                pool.submit(() -> {
                    int i = 0;
                    while (running.get()) {
                        int status = LoopbackHttp.get(from, port, "/api/v1/search?name=x",
                                LoopbackHttp.basic("bench.archivist", "Wrong-Guess-" + n + "-" + i++)).status();
                        answers.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
                    }
                    return null;
                });
            }
            Thread.sleep(2000); // let the flood start (and, from one address, get blocked)
        }
        List<Long> latencies = new ArrayList<>();
        long errors = 0;
        Random random = new Random(99);
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < end) {
            long start = System.nanoTime();
            errors += search(authorization, random) == 200 ? 0 : 1;
            latencies.add(System.nanoTime() - start);
        }
        running.set(false);
        pool.shutdown();
        assertThat(pool.awaitTermination(120, TimeUnit.SECONDS)).isTrue();
        report(label, latencies, errors, seconds);
        if (hammer != null) {
            print("  flood answers: %s", new java.util.TreeMap<>(answers));
        }
    }

    private int search(String authorization, Random random) throws Exception {
        String name = surnames.get(random.nextInt(surnames.size()));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/search?name="
                        + URLEncoder.encode(name, StandardCharsets.UTF_8) + "&purpose="
                        + URLEncoder.encode("нагрузочный тест", StandardCharsets.UTF_8)))
                .header("Authorization", authorization).timeout(Duration.ofSeconds(60)).GET().build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static void report(String label, List<Long> nanos, long errors, int seconds) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        print("%s: requests=%d errors=%d throughput=%.1f/s p50=%.0fms p95=%.0fms max=%.0fms", label, sorted.size(),
                errors, sorted.size() / (double) seconds, ms(sorted, 0.50), ms(sorted, 0.95),
                sorted.isEmpty() ? 0.0 : sorted.get(sorted.size() - 1) / 1e6);
    }

    private static double ms(List<Long> sorted, double q) {
        return sorted.isEmpty() ? 0.0 : sorted.get((int) Math.min(sorted.size() - 1, Math.floor(q * sorted.size())))
                / 1e6;
    }

    private static void print(String format, Object... args) {
        System.out.println("[access-benchmark] " + String.format(Locale.ROOT, format, args));
    }
}
