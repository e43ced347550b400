package ru.journalarchive.web;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import ru.journalarchive.accesslog.AccessLog;
import ru.journalarchive.security.ApiKeys;
import ru.journalarchive.security.LoginThrottledException;
import ru.journalarchive.security.PersonalTokens;
import tools.jackson.databind.json.JsonMapper;

/**
 * The filter chain of {@code /api/v1/**}: stateless, API keys for journal systems, personal access tokens or HTTP
 * Basic for staff, each endpoint open to the roles {@link ApiAccessRules} names; 401/403 as problem details, 429 with
 * {@code Retry-After} for an address blocked after too many failed logins. Spring
 * Security's default security headers stay on; staff passwords are checked by the security module's
 * {@link ru.journalarchive.security.StaffAuthenticationProvider}. Only in a web application (the {@code serve} command).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class WebSecurityConfiguration {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Bean
    @org.springframework.core.annotation.Order(1) // before the web interface's chain, which takes everything else
    SecurityFilterChain api(HttpSecurity http, ApiKeys keys, PersonalTokens tokens, AccessLog accessLog)
            throws Exception {
        AuthenticationEntryPoint entryPoint = (request, response, e) -> {
            if (e instanceof LoginThrottledException throttled) {
                // The same answer whether the login exists or not; no password was checked.
                response.setHeader("Retry-After", String.valueOf(throttled.retryAfterSeconds()));
                write(response, Problems.of(HttpStatus.TOO_MANY_REQUESTS, "too-many-failed-logins",
                        "Слишком много неудачных попыток входа", "С вашего адреса было слишком много неудачных "
                                + "попыток входа. Повторите через " + throttled.retryAfterSeconds() + " с."));
                return;
            }
            response.setHeader("WWW-Authenticate", "Basic realm=\"journal-archive\", Bearer, ApiKey");
            write(response, Problems.of(HttpStatus.UNAUTHORIZED, "unauthenticated", "Требуется вход",
                    "Нужен API-ключ (Authorization: ApiKey …), персональный токен (Authorization: Bearer …) "
                            + "или логин и пароль (HTTP Basic)."));
        };
        AccessDeniedHandler denied = (request, response, e) -> {
            String who = ApiAccessRules.whoMay(request.getMethod(),
                    request.getRequestURI().substring(request.getContextPath().length()));
            write(response, Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Доступ запрещён",
                    who == null ? "Такого действия в API нет." : "У вашей учётной записи нет права на это действие: "
                            + "оно доступно только " + who + "."));
        };
        http.securityMatcher("/api/v1/**", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html")
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // Stateless, no cookies: nothing for CSRF to ride on (session login and CSRF come with the web UI).
                .csrf(c -> c.disable())
                // Staff logins go to the one AuthenticationProvider bean (StaffAuthenticationProvider), which Spring
                // Security makes the global AuthenticationManager; registering it here too would count each failure
                // twice (local manager, then its parent).
                .httpBasic(b -> b.authenticationEntryPoint(entryPoint))
                .exceptionHandling(x -> x.authenticationEntryPoint(entryPoint).accessDeniedHandler(denied))
                .addFilterBefore(new ApiKeyFilter(keys, accessLog, entryPoint), BasicAuthenticationFilter.class)
                .addFilterBefore(new PersonalTokenFilter(tokens, accessLog, entryPoint),
                        BasicAuthenticationFilter.class)
                .authorizeHttpRequests(a -> {
                    for (ApiAccessRules.Rule rule : ApiAccessRules.RULES) {
                        a.requestMatchers(rule.method(), rule.pattern())
                                .hasAnyRole(rule.roles().toArray(String[]::new));
                    }
                    a.anyRequest().denyAll(); // an endpoint the table does not name is open to no one
                });
        return http.build();
    }

    private static void write(jakarta.servlet.http.HttpServletResponse response, ProblemDetail problem)
            throws java.io.IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        var body = new java.util.LinkedHashMap<String, Object>();
        body.put("type", String.valueOf(problem.getType()));
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        response.getWriter().write(JSON.writeValueAsString(body));
    }
}
