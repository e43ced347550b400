package ru.journalarchive.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;
import ru.journalarchive.accesslog.AccessAction;
import ru.journalarchive.accesslog.AccessEntry;
import ru.journalarchive.accesslog.AccessLog;
import ru.journalarchive.security.Caller;
import ru.journalarchive.security.PersonalTokens;

/**
 * Authenticates a staff API client by its personal access token ({@code Authorization: Bearer jat_…}): one hash
 * lookup, no bcrypt. An unknown, expired or revoked token, or one of a disabled account, is refused with 401 (and
 * recorded as a failed login); without a bearer token the request is left to the other mechanisms.
 */
class PersonalTokenFilter extends OncePerRequestFilter {

    private final PersonalTokens tokens;
    private final AccessLog accessLog;
    private final AuthenticationEntryPoint entryPoint;

    PersonalTokenFilter(PersonalTokens tokens, AccessLog accessLog, AuthenticationEntryPoint entryPoint) {
        this.tokens = tokens;
        this.accessLog = accessLog;
        this.entryPoint = entryPoint;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String authorization = request.getHeader("Authorization");
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            chain.doFilter(request, response);
            return;
        }
        Optional<Caller> caller = tokens.resolve(authorization.substring(7).strip());
        if (caller.isEmpty()) {
            accessLog.record(new AccessEntry("token:?", AccessAction.LOGIN_FAILED, null, null, null, null, null,
                    "unknown-or-expired-token address=" + request.getRemoteAddr()));
            SecurityContextHolder.clearContext();
            entryPoint.commence(request, response, new BadCredentialsException("unknown token"));
            return;
        }
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(caller.get(), null,
                List.of(new SimpleGrantedAuthority("ROLE_" + caller.get().role().name()))));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
