package ru.journalarchive.robustness;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A web interface session driven over plain HTTP from a chosen loopback address: the login form with its CSRF token,
 * then pages and form posts with the session cookie (sent by hand: the cookie is {@code Secure}, which a cookie
 * manager would keep off plain HTTP).
 */
final class WebSession {

    private static final Pattern SESSION = Pattern.compile("JSESSIONID=([^;\\s]+)");
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    private final int port;
    private final String from;
    private String cookie;

    private WebSession(int port, String from) {
        this.port = port;
        this.from = from;
    }

    /** Posts the login form from 127.0.0.1; the answer's redirect is in {@link #lastLogin}. */
    static WebSession login(int port, String login, String password) throws IOException {
        return login(port, "127.0.0.1", login, password);
    }

    /** Posts the login form from an address. */
    static WebSession login(int port, String from, String login, String password) throws IOException {
        WebSession session = new WebSession(port, from);
        LoopbackHttp.Response page = session.get("/login");
        session.lastLogin = session.post("/login", csrf(page.body()), Map.of("username", login,
                "password", password));
        return session;
    }

    /** The answer to the login form: a redirect to {@code /} or to {@code /login?error} … */
    LoopbackHttp.Response lastLogin;

    LoopbackHttp.Response get(String path) throws IOException {
        return remember(LoopbackHttp.send(from, port, "GET", path, headers(), null));
    }

    /** Posts a form with the CSRF token of the session's start page. */
    LoopbackHttp.Response post(String path) throws IOException {
        return post(path, csrf(get("/").body() + get(start()).body()), Map.of());
    }

    private String start() throws IOException {
        String location = LoopbackHttp.send(from, port, "GET", "/", headers(), null).headers()
                .getOrDefault("location", "/login");
        return location.replaceFirst("^https?://[^/]+", "");
    }

    private LoopbackHttp.Response post(String path, String csrf, Map<String, String> fields) throws IOException {
        StringBuilder form = new StringBuilder("_csrf=" + enc(csrf));
        fields.forEach((k, v) -> form.append('&').append(k).append('=').append(enc(v)));
        Map<String, String> headers = headers();
        headers.put("Content-Type", "application/x-www-form-urlencoded");
        return remember(LoopbackHttp.send(from, port, "POST", path, headers,
                form.toString().getBytes(StandardCharsets.UTF_8)));
    }

    private Map<String, String> headers() {
        Map<String, String> headers = new LinkedHashMap<>();
        if (cookie != null) {
            headers.put("Cookie", "JSESSIONID=" + cookie);
        }
        return headers;
    }

    private LoopbackHttp.Response remember(LoopbackHttp.Response response) {
        Matcher m = SESSION.matcher(response.headers().getOrDefault("set-cookie", ""));
        if (m.find()) {
            cookie = m.group(1);
        }
        return response;
    }

    private static String csrf(String html) {
        Matcher m = CSRF.matcher(html);
        return m.find() ? m.group(1) : "";
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
