package ru.journalarchive.security;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import ru.journalarchive.accesslog.AccessAction;
import ru.journalarchive.accesslog.AccessEntry;
import ru.journalarchive.accesslog.AccessLog;

/**
 * Authenticates staff by login and password through {@link Accounts}, throttled by {@link LoginThrottle}, recording
 * every login, failure, lock and throttled address in the access log. A wrong password, an unknown login, a login
 * locked for this address and a disabled account all fail alike (one bcrypt each, {@link BadCredentialsException});
 * only a blocked address, or an address with recent failures while the few checks such addresses share are busy, is
 * refused at once ({@link LoginThrottledException}), whatever the login. The principal of a
 * successful authentication is a {@link Caller}.
 */
@Component
public class StaffAuthenticationProvider implements AuthenticationProvider {

    private final Accounts accounts;
    private final LoginThrottle throttle;
    private final AccessLog accessLog;

    StaffAuthenticationProvider(Accounts accounts, LoginThrottle throttle, AccessLog accessLog) {
        this.accounts = accounts;
        this.throttle = throttle;
        this.accessLog = accessLog;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String login = authentication.getName() == null ? "" : authentication.getName().strip();
        String password = String.valueOf(authentication.getCredentials());
        String address = authentication.getDetails() instanceof WebAuthenticationDetails d
                && d.getRemoteAddress() != null ? d.getRemoteAddress() : "local";
        Optional<Duration> wait = throttle.blocked(address);
        if (wait.isPresent()) {
            throw new LoginThrottledException(wait.get()); // no bcrypt, no database: logged once, when blocked
        }
        boolean suspect = throttle.suspect(address);
        if (suspect && !throttle.trySuspectCheck()) {
            throw new LoginThrottledException(Duration.ofSeconds(1)); // the suspects' checks are all busy
        }
        String reason;
        try {
            if (throttle.locked(login, address)) {
                accounts.dummyCheck(password);
                reason = "locked";
            } else {
                Accounts.Check check = accounts.check(login, password);
                if (check.outcome() == Accounts.Outcome.OK) {
                    throttle.succeeded(login, address);
                    log(login, AccessAction.LOGIN, null);
                    return UsernamePasswordAuthenticationToken.authenticated(check.caller(), null,
                            List.of(new SimpleGrantedAuthority("ROLE_" + check.caller().role().name())));
                }
                reason = check.outcome().name().toLowerCase().replace('_', '-');
            }
        } finally {
            if (suspect) {
                throttle.endSuspectCheck();
            }
        }
        String actor = login.isBlank() ? "?" : login.length() > 64 ? login.substring(0, 64) : login;
        LoginThrottle.Failure failure = throttle.failed(login, address);
        log(actor, AccessAction.LOGIN_FAILED, reason + " address=" + address);
        if (failure.pairLockedFor() != null) {
            log(actor, AccessAction.LOCKED_OUT, "address=" + address + " for=" + failure.pairLockedFor());
        }
        if (failure.addressBlockedFor() != null) {
            log("address:" + address, AccessAction.THROTTLED, "for=" + failure.addressBlockedFor());
        }
        throw new BadCredentialsException("bad credentials");
    }

    private void log(String actor, AccessAction action, String detail) {
        accessLog.record(new AccessEntry(actor, action, null, null, null, null, null, detail));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
