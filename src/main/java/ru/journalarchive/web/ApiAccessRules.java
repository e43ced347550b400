package ru.journalarchive.web;

import java.util.List;
import org.springframework.http.HttpMethod;

/**
 * Who may call which endpoint of the API: the one declarative table the API's filter chain is built from, checked
 * against the web interface's role map (issue 13). The web gives search, a document's page, its verified copy and its
 * fixity results to the archivist only ({@code /archivist/**}); the director's and deputy's pages list their schools'
 * documents (no pupil data), the deputy's pages show the status of imports, IT's pages jobs and storage. Every
 * endpoint then scopes what it shows to the caller's schools: another school's document, import or job execution is
 * 404, as if it did not exist. An endpoint not in the table is refused to everyone.
 */
final class ApiAccessRules {

    /** The authority of a journal system (an API key): {@link ApiKeyFilter#AUTHORITY}. */
    static final String JOURNAL_SYSTEM = "JOURNAL_SYSTEM";
    static final String ARCHIVIST = "ARCHIVIST";
    static final String DIRECTOR = "DIRECTOR";
    static final String DEPUTY = "DEPUTY";
    static final String IT_ADMIN = "IT_ADMIN";

    /** One rule: requests of this method matching this pattern are open to these roles only. */
    record Rule(HttpMethod method, String pattern, List<String> roles) {
    }

    /** The table, most specific patterns first (the first match decides). */
    static final List<Rule> RULES = List.of(
            // Snapshots: only a journal system uploads (its own school's, checked by the controller) ...
            rule(HttpMethod.POST, "/api/v1/snapshots", JOURNAL_SYSTEM),
            // ... and reads an import's close status; so does the deputy, whose pages show the imports' status.
            rule(HttpMethod.GET, "/api/v1/snapshots/*", JOURNAL_SYSTEM, DEPUTY),
            // Search, a document's data, its fixity results and its verified content: the archivist's pages only.
            rule(HttpMethod.GET, "/api/v1/search", ARCHIVIST),
            rule(HttpMethod.GET, "/api/v1/documents/*", ARCHIVIST),
            rule(HttpMethod.GET, "/api/v1/documents/*/verification", ARCHIVIST),
            rule(HttpMethod.GET, "/api/v1/documents/*/content", ARCHIVIST),
            // The list of documents (no pupil data): the archivist, and the director and deputy whose pages list
            // their schools' documents (awaiting signature; archived by their imports).
            rule(HttpMethod.GET, "/api/v1/documents", ARCHIVIST, DIRECTOR, DEPUTY),
            // Jobs and storage: IT's pages only.
            rule(HttpMethod.GET, "/api/v1/jobs", IT_ADMIN),
            rule(HttpMethod.GET, "/api/v1/jobs/*", IT_ADMIN),
            rule(HttpMethod.POST, "/api/v1/jobs/*/restart", IT_ADMIN),
            rule(HttpMethod.GET, "/api/v1/storage", IT_ADMIN),
            // The API's description holds no archived data: every authenticated caller (journal systems integrate
            // against it).
            rule(HttpMethod.GET, "/v3/api-docs", JOURNAL_SYSTEM, ARCHIVIST, DIRECTOR, DEPUTY, IT_ADMIN),
            rule(HttpMethod.GET, "/v3/api-docs/**", JOURNAL_SYSTEM, ARCHIVIST, DIRECTOR, DEPUTY, IT_ADMIN),
            rule(HttpMethod.GET, "/swagger-ui.html", JOURNAL_SYSTEM, ARCHIVIST, DIRECTOR, DEPUTY, IT_ADMIN),
            rule(HttpMethod.GET, "/swagger-ui/**", JOURNAL_SYSTEM, ARCHIVIST, DIRECTOR, DEPUTY, IT_ADMIN));

    private static final org.springframework.util.AntPathMatcher PATHS = new org.springframework.util.AntPathMatcher();

    private ApiAccessRules() {
    }

    /** Who may make this request, in Russian (dative: «архивариусу, директору»), for the 403 problem's detail. */
    static String whoMay(String method, String path) {
        return RULES.stream().filter(r -> r.method().matches(method) && PATHS.match(r.pattern(), path)).findFirst()
                .map(r -> String.join(", ", r.roles().stream().map(ApiAccessRules::dative).toList()))
                .orElse(null);
    }

    private static String dative(String role) {
        return switch (role) {
            case ARCHIVIST -> "архивариусу";
            case DIRECTOR -> "директору";
            case DEPUTY -> "заместителю директора";
            case IT_ADMIN -> "ИТ-администратору";
            default -> "журнальной системе школы (по API-ключу)";
        };
    }

    private static Rule rule(HttpMethod method, String pattern, String... roles) {
        return new Rule(method, pattern, List.of(roles));
    }
}
