package ru.journalarchive.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.web.servlet.HandlerInterceptor;
import ru.journalarchive.accesslog.AccessAction;
import ru.journalarchive.accesslog.AccessEntry;
import ru.journalarchive.accesslog.AccessLog;
import ru.journalarchive.security.Caller;

/**
 * Writes every request a signed-in staff member makes to the web interface to the access log (152-ФЗ): a page opened
 * as {@code view}, a form submitted as {@code action}, with the method and path. The query string is left out of the
 * detail (a search may hold a pupil's name; the search itself is logged with its text by the search module). The
 * once-a-second polls of a running close's or signing's progress ({@code …/progress}: counts and statuses, no
 * personal data) are not logged, or a close would write sixty rows a minute; opening the page they serve is.
 */
final class PageAccessLog implements HandlerInterceptor {

    private final AccessLog accessLog;

    PageAccessLog(AccessLog accessLog) {
        this.accessLog = accessLog;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (request.getRequestURI().endsWith("/progress")) {
            return true;
        }
        if (request.getUserPrincipal() instanceof Authentication a && a.getPrincipal() instanceof Caller caller) {
            AccessAction action = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod())
                    ? AccessAction.VIEW : AccessAction.ACTION;
            accessLog.record(new AccessEntry(caller.name(), action, null, null, null, null, null,
                    request.getMethod() + " " + request.getRequestURI()));
        }
        return true;
    }
}
