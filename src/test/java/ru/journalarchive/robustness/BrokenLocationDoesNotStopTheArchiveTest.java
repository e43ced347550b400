package ru.journalarchive.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import ru.journalarchive.security.Accounts;
import ru.journalarchive.security.Role;
import ru.journalarchive.support.Cli;

/**
 * A storage location whose folder cannot be created (its parent is a regular file: what works as root too, where
 * {@code chmod 000} does not) stops nothing: the service starts, {@code verify} checks the rest and names the faulty
 * location (exit 1), {@code storage-report} lists it, the IT page's card says «неисправно» with the reason, and a close
 * needing both copies fails in Russian, losing nothing: once the disk is back its rerun completes and verifies.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.main.web-application-type=servlet", "archive.storage.minimum-copies=2"})
@ActiveProfiles("test")
class BrokenLocationDoesNotStopTheArchiveTest {

    static final Path EXAMPLE = Path.of("archive-format/examples/example-school.json");
    static final String PASSWORD = "Sklad-Neispraven-2026!";
    static final Path BASE = Path.of("target/test-data/broken-location-" + UUID.randomUUID()).toAbsolutePath();
    static final Path BLOCKER = BASE.resolve("disk-b");
    static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @DynamicPropertySource
    static void siteBUnderAFile(DynamicPropertyRegistry registry) throws Exception {
        Files.createDirectories(BASE);
        Files.writeString(BLOCKER, "the disk of site-b is not mounted");
        registry.add("archive.storage.locations[0].name", () -> "site-a");
        registry.add("archive.storage.locations[0].type", () -> "filesystem");
        registry.add("archive.storage.locations[0].path", () -> BASE.resolve("site-a").toString());
        registry.add("archive.storage.locations[1].name", () -> "site-b");
        registry.add("archive.storage.locations[1].type", () -> "filesystem");
        registry.add("archive.storage.locations[1].path", () -> BLOCKER.resolve("site-b").toString());
    }

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    Accounts accounts;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theFaultyLocationIsReportedEverywhereAndACloseWaitsForItWithoutLosingAnything() throws Exception {
        Cli cli = new Cli(context);
        String reason = "не удаётся создать папки в " + BLOCKER.resolve("site-b");

        Cli.Result verify = cli.run("verify");
        assertThat(verify.exitCode()).as(verify.out() + verify.err()).isEqualTo(1);
        assertThat(verify.err()).contains("МЕСТО ХРАНЕНИЯ «site-b» НЕИСПРАВНО: " + reason)
                .doesNotContain("Exception\n\tat ");
        Cli.Result report = cli.run("storage-report");
        assertThat(report.exitCode()).isEqualTo(1);
        assertThat(report.out()).contains("Место хранения «site-b»").contains("НЕИСПРАВНО: " + reason);

        accounts.create("it.sklad", PASSWORD, Role.IT_ADMIN, Set.of("sosh-7"));
        String page = itPage();
        assertThat(page).containsPattern("data-location=\"site-b\"\\s+data-health=\"bad\"")
                .containsPattern("data-location=\"site-a\"\\s+data-health=\"ok\"")
                .contains(reason).contains("неисправно");

        Cli.Result refused = cli.run("close", EXAMPLE.toString());
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("не закрыт: место хранения «site-b» недоступно")
                .contains("повторите закрытие");
        assertThat(jdbc.sql("SELECT count(*) FROM archived_document").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT DISTINCT close_status FROM snapshot_import_class").query(String.class).list())
                .containsExactly("FAILED");

        Files.delete(BLOCKER); // the disk is back
        Cli.Result closed = cli.run("close", EXAMPLE.toString());
        assertThat(closed.exitCode()).as(closed.out() + closed.err()).isZero();
        Cli.Result clean = cli.run("verify");
        assertThat(clean.exitCode()).as(clean.out() + clean.err()).isZero();
        assertThat(cli.run("storage-report").exitCode()).isZero();
    }

    /** The IT start page as the IT administrator sees it after a form login. */
    private String itPage() throws Exception {
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(uri("/login")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        String cookie = cookie(login, null);
        Matcher token = CSRF.matcher(login.body());
        assertThat(token.find()).isTrue();
        String form = "username=it.sklad&password=" + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8)
                + "&_csrf=" + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> in = http.send(HttpRequest.newBuilder(uri("/login")).header("Cookie", cookie)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(in.statusCode()).isEqualTo(302);
        cookie = cookie(in, cookie);
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(uri("/it")).header("Cookie", cookie).GET()
                .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        return page.body();
    }

    private static String cookie(HttpResponse<String> response, String previous) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .map(c -> c.substring(0, c.indexOf(';') < 0 ? c.length() : c.indexOf(';'))).findFirst()
                .orElse(previous);
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
