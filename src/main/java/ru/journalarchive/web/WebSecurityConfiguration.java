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
import tools.jackson.databind.json.JsonMapper;

/**
 * The filter chain of {@code /api/v1/**}: stateless, API keys for journal systems, HTTP Basic for staff, uploads only
 * by journal systems, every other endpoint for any authenticated caller; 401/403 as problem details. Spring
 * Security's default security headers stay on; staff passwords are checked by the security module's
 * {@link ru.journalarchive.security.StaffAuthenticationProvider}. Only in a web application (the {@code serve} command).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class WebSecurityConfiguration {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Bean
    @org.springframework.core.annotation.Order(1) // before the web interface's chain, which takes everything else
    SecurityFilterChain api(HttpSecurity http, ApiKeys keys, AccessLog accessLog) throws Exception {
        AuthenticationEntryPoint entryPoint = (request, response, e) -> {
            response.setHeader("WWW-Authenticate", "Basic realm=\"journal-archive\", ApiKey");
            write(response, Problems.of(HttpStatus.UNAUTHORIZED, "unauthenticated", "Требуется вход",
                    "Нужен API-ключ (Authorization: ApiKey …) или логин и пароль (HTTP Basic)."));
        };
        AccessDeniedHandler denied = (request, response, e) -> write(response, Problems.of(HttpStatus.FORBIDDEN,
                "forbidden", "Доступ запрещён", "У вашей учётной записи нет права на это действие."));
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
                .authorizeHttpRequests(a -> a
                        .requestMatchers(org.springframework.http.HttpMethod.POST, "/api/v1/snapshots")
                        .hasAuthority(ApiKeyFilter.AUTHORITY)
                        .anyRequest().authenticated());
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
