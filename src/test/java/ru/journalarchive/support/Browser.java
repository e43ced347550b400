package ru.journalarchive.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian's {@code chromium} and {@code chromium-driver}, installed by
 * {@code .ci/install-test-tools}) driven by Selenium against the application on {@code http://localhost:<port>}, in
 * a 1366×768 window (a school laptop), with a fresh profile. Screenshots go to {@code target/screenshots/}.
 */
public final class Browser implements AutoCloseable {

    /** Where the browser tests save their screenshots of the main pages. */
    public static final Path SCREENSHOTS = Path.of("target/screenshots");

    private final WebDriver driver;
    private final String base;
    private final Path profile;

    private Browser(WebDriver driver, String base, Path profile) {
        this.driver = driver;
        this.base = base;
        this.profile = profile;
    }

    /** Starts Chromium for the application listening on this port of localhost. */
    public static Browser open(int port) {
        try {
            Path profile = Files.createTempDirectory("chromium-profile");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(Path.of("/usr/bin/chromium").toString());
            // The flags of ../shared/ENGINEERING.md: without the background-networking ones Chromium keeps dialling
            // Google's hosts, which this machine's closed network refuses.
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
                    "--disable-dev-shm-usage", "--window-size=1366,768", "--lang=ru-RU",
                    "--user-data-dir=" + profile.toAbsolutePath());
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile()).usingAnyFreePort().build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().implicitlyWait(Duration.ZERO);
            return new Browser(driver, "http://localhost:" + port, profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The Selenium driver, for what this class does not wrap. */
    public WebDriver driver() {
        return driver;
    }

    /** Opens a path of the application ({@code /deputy}). */
    public Browser go(String path) {
        driver.get(base + path);
        return this;
    }

    /** The path (and query) of the page shown now. */
    public String path() {
        return driver.getCurrentUrl().substring(base.length());
    }

    /** Logs in through the login form and waits for the start page of the user's role. */
    public Browser login(String login, String password) {
        go("/login");
        driver.findElement(By.id("username")).sendKeys(login);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("login-submit")).click();
        waitUntil(d -> !d.getCurrentUrl().endsWith("/login"));
        // The redirect to the role's start page may still be loading: wait until it shows who is signed in.
        waitUntil(d -> !d.findElements(By.cssSelector("header.top .who .user")).isEmpty()
                && "complete".equals(((org.openqa.selenium.JavascriptExecutor) d)
                        .executeScript("return document.readyState")));
        return this;
    }

    /** Forgets the session (deletes every cookie of the application), as a new browser would be. */
    public Browser reset() {
        go("/login");
        driver.manage().deleteAllCookies();
        return this;
    }

    /** Logs out through the button in the top bar. */
    public Browser logout() {
        driver.findElement(By.cssSelector("header.top form button")).click();
        waitUntil(d -> d.getCurrentUrl().contains("/login"));
        return this;
    }

    /** The element, failing if the page has none within 10 s. */
    public WebElement find(String css) {
        try {
            // A page may still be loading (a redirect, a page's own reload): wait up to 10 s for the element.
            return new WebDriverWait(driver, Duration.ofSeconds(10)).ignoring(
                    org.openqa.selenium.NoSuchElementException.class).until(d -> d.findElement(By.cssSelector(css)));
        } catch (org.openqa.selenium.TimeoutException e) {
            // Say which page was shown instead: a login page, an error page, a page still loading.
            String shown = driver.getCurrentUrl() + "\n" + driver.findElements(By.tagName("body")).stream()
                    .map(WebElement::getText).findFirst().orElse(driver.getPageSource());
            throw new org.openqa.selenium.NoSuchElementException("no " + css + " on " + shown.substring(0,
                    Math.min(shown.length(), 600)), e);
        }
    }

    /** Every element matching. */
    public List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /** The visible text of the element. */
    public String text(String css) {
        return find(css).getText();
    }

    /** The visible text of the whole page. */
    public String pageText() {
        return find("body").getText();
    }

    /** Waits up to 60 s for a condition (a close to finish, a page to load). */
    public <T> T waitUntil(Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, Duration.ofSeconds(60)).until(condition::apply);
    }

    /** What a download form answered: the HTTP status, the content type and the bytes the browser would save. */
    public record Download(long status, String contentType, byte[] bytes) {
    }

    /**
     * Submits a form from inside the page (with its session and CSRF token, as its button would) and returns the
     * answer: WebDriver cannot read a file the browser saves, so the page fetches it and hands the bytes over.
     */
    public Download submitForDownload(String formCss) {
        List<?> answer = (List<?>) ((org.openqa.selenium.JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const form = document.querySelector(arguments[0]);
                fetch(form.action, {method: 'POST', body: new URLSearchParams(new FormData(form))})
                  .then(r => r.arrayBuffer().then(b => {
                    const bytes = new Uint8Array(b); let s = '';
                    for (let i = 0; i < bytes.length; i++) { s += String.fromCharCode(bytes[i]); }
                    done([r.status, r.headers.get('content-type') || '', btoa(s)]);
                  }))
                  .catch(e => done([0, String(e), '']));""", formCss);
        return new Download((Long) answer.get(0), (String) answer.get(1),
                java.util.Base64.getDecoder().decode((String) answer.get(2)));
    }

    /** Saves a screenshot of the page as {@code target/screenshots/<name>.png}. */
    public Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Path shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(shot, file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary profile left behind is harmless
        }
    }
}
