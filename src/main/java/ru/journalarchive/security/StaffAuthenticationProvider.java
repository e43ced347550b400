package ru.journalarchive.security;

import java.util.List;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;
import ru.journalarchive.accesslog.AccessAction;
import ru.journalarchive.accesslog.AccessEntry;
import ru.journalarchive.accesslog.AccessLog;

/**
 * Authenticates staff by login and password through {@link Accounts}, recording every login, failure and lockout in
 * the access log. The principal of a successful authentication is a {@link Caller}.
 */
@Component
public class StaffAuthenticationProvider implements AuthenticationProvider {

    private final Accounts accounts;
    private final AccessLog accessLog;

    StaffAuthenticationProvider(Accounts accounts, AccessLog accessLog) {
        this.accounts = accounts;
        this.accessLog = accessLog;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String login = authentication.getName();
        String password = String.valueOf(authentication.getCredentials());
        Accounts.Check check = accounts.check(login, password);
        String actor = login == null || login.isBlank() ? "?" : login.strip();
        switch (check.outcome()) {
            case OK -> accessLog.record(new AccessEntry(actor, AccessAction.LOGIN, null, null, null, null, null, null));
            case LOCKED_NOW -> {
                log(actor, AccessAction.LOGIN_FAILED, "wrong-password");
                log(actor, AccessAction.LOCKED_OUT, null);
            }
            default -> log(actor, AccessAction.LOGIN_FAILED, check.outcome().name().toLowerCase().replace('_', '-'));
        }
        return switch (check.outcome()) {
            case OK -> UsernamePasswordAuthenticationToken.authenticated(check.caller(), null,
                    List.of(new SimpleGrantedAuthority("ROLE_" + check.caller().role().name())));
            case LOCKED, LOCKED_NOW -> throw new LockedException("account locked");
            default -> throw new BadCredentialsException("bad credentials");
        };
    }

    private void log(String actor, AccessAction action, String detail) {
        accessLog.record(new AccessEntry(actor, action, null, null, null, null, null, detail));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
