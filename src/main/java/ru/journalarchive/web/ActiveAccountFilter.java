package ru.journalarchive.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import ru.journalarchive.security.Accounts;
import ru.journalarchive.security.Caller;

/**
 * Ends a web session whose account has been disabled ({@code user disable}) since it logged in: checked on every
 * request (one lookup by primary key), the session is invalidated and the request goes on as anonymous, so the
 * login page is all the former user sees.
 */
class ActiveAccountFilter extends OncePerRequestFilter {

    private final Accounts accounts;

    ActiveAccountFilter(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof Caller caller
                && !caller.journalSystem() && accounts.active(caller.name()).isEmpty()) {
            SecurityContextHolder.clearContext();
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
        }
        chain.doFilter(request, response);
    }
}
