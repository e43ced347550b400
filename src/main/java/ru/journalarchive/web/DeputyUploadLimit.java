package ru.journalarchive.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.servlet.view.RedirectView;
import ru.journalarchive.accesslog.AccessAction;
import ru.journalarchive.accesslog.AccessEntry;
import ru.journalarchive.accesslog.AccessLog;
import ru.journalarchive.security.Caller;

/**
 * A snapshot file over Spring's multipart limit ({@code spring.servlet.multipart.max-file-size}) uploaded from the
 * deputy's page: back to the start page with a Russian message naming the field and the cap, instead of an error page
 * (the limit is hit while the request is parsed, before any controller runs, so no controller advice sees it).
 */
@Component
@ConditionalOnWebApplication
class DeputyUploadLimit implements HandlerExceptionResolver, Ordered {

    private final AccessLog accessLog;

    DeputyUploadLimit(AccessLog accessLog) {
        this.accessLog = accessLog;
    }

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
            Exception ex) {
        if (!(ex instanceof MaxUploadSizeExceededException) || !request.getRequestURI()
                .startsWith(request.getContextPath() + "/deputy/")) {
            return null;
        }
        if (SecurityContextHolder.getContext().getAuthentication() != null
                && SecurityContextHolder.getContext().getAuthentication().getPrincipal() instanceof Caller caller) {
            accessLog.record(new AccessEntry(caller.name(), AccessAction.UPLOAD_REJECTED, null, null, null, null,
                    null, "too large: " + request.getContentLengthLong() + " bytes (web)"));
        }
        // The redirect view saves this flash map for the start page, which shows the cap and the field.
        var flash = RequestContextUtils.getOutputFlashMap(request);
        flash.put("uploadRefused", "tooLarge");
        flash.put("uploadFile", "");
        flash.put("uploadErrors", java.util.List.of());
        return new ModelAndView(new RedirectView(request.getContextPath() + "/deputy"));
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10; // before the API's problem-details handler, which answers JSON
    }
}
