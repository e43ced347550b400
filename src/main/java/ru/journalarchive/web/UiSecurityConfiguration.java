package ru.journalarchive.web;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import ru.journalarchive.accesslog.AccessAction;
import ru.journalarchive.accesslog.AccessEntry;
import ru.journalarchive.accesslog.AccessLog;
import ru.journalarchive.security.Accounts;
import ru.journalarchive.security.Caller;
import ru.journalarchive.security.LoginThrottledException;

/**
 * The filter chain of the web interface (everything outside {@code /api/v1}): a login form with a session, CSRF
 * tokens on every form, secure session cookies ({@code server.servlet.session.cookie.*}), a strict Content Security
 * Policy, and each role's section open to that role only. Staff passwords are checked by the security module's
 * {@link ru.journalarchive.security.StaffAuthenticationProvider}, which logs logins, failures and lockouts.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class UiSecurityConfiguration {

    /** The Content Security Policy: nothing but this server's own scripts, styles, images and forms. */
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    @Bean
    @Order(2)
    SecurityFilterChain ui(HttpSecurity http, AccessLog accessLog, Accounts accounts) throws Exception {
        // A wrong password, an unknown login, a locked login and a disabled account all see the same page; only an
        // address blocked after too many failures is told so (whatever the login), and waits without a check.
        AuthenticationFailureHandler failure = (request, response, e) -> {
            if (e instanceof LoginThrottledException throttled) {
                response.setHeader("Retry-After", String.valueOf(throttled.retryAfterSeconds()));
            }
            response.sendRedirect(request.getContextPath()
                    + (e instanceof LoginThrottledException ? "/login?throttled" : "/login?error"));
        };
        http.formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/", true).failureHandler(failure).permitAll())
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout")
                        .addLogoutHandler((request, response, auth) -> logout(accessLog, auth)))
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(CSP))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
                .sessionManagement(s -> s.sessionFixation(f -> f.newSession()))
                // A session of an account disabled since it logged in ends at its next request.
                .addFilterBefore(new ActiveAccountFilter(accounts), AnonymousAuthenticationFilter.class)
                .exceptionHandling(x -> x.accessDeniedHandler((request, response, e) -> {
                    if (request.getUserPrincipal() instanceof Authentication a && a.getPrincipal() instanceof Caller c) {
                        accessLog.record(new AccessEntry(c.name(), AccessAction.DENIED, null, null, null, null, null,
                                request.getMethod() + " " + request.getRequestURI()));
                    }
                    response.sendError(HttpServletResponse.SC_FORBIDDEN);
                }))
                .authorizeHttpRequests(a -> a
                        // "/login" with any query (?error, ?throttled, ?logout): formLogin().permitAll() matches the exact URL only.
                        .requestMatchers("/login", "/css/**", "/js/**", "/img/**", "/favicon.ico", "/error").permitAll()
                        .requestMatchers("/deputy/**").hasRole("DEPUTY")
                        .requestMatchers("/director/**").hasRole("DIRECTOR")
                        .requestMatchers("/archivist/**").hasRole("ARCHIVIST")
                        .requestMatchers("/it/**").hasRole("IT_ADMIN")
                        .anyRequest().authenticated());
        return http.build();
    }

    private static void logout(AccessLog accessLog, Authentication auth) {
        if (auth != null && auth.getPrincipal() instanceof Caller caller) {
            accessLog.record(new AccessEntry(caller.name(), AccessAction.LOGOUT, null, null, null, null, null, null));
        }
    }
}
