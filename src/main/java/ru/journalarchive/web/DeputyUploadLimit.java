package ru.journalarchive.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.SessionFlashMapManager;
import ru.journalarchive.accesslog.AccessAction;
import ru.journalarchive.accesslog.AccessEntry;
import ru.journalarchive.accesslog.AccessLog;
import ru.journalarchive.security.Caller;

/**
 * A snapshot file over Spring's multipart limit ({@code spring.servlet.multipart.max-file-size}) uploaded from the
 * deputy's page: back to the start page with a Russian message naming the field and the cap, instead of an error page.
 * Tomcat refuses the oversized body while the request's parameters are first read (by the security chain's CSRF
 * check), before Spring MVC runs, so this is a filter in front of the security chain that parses the upload first.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class DeputyUploadLimit {

    /** The upload form's action. */
    static final String UPLOAD = "/deputy/upload";

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> deputyUploadLimitFilter(AccessLog accessLog) {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
                new UploadLimitFilter(accessLog));
        registration.addUrlPatterns(UPLOAD);
        registration.setOrder(-200); // before Spring Security's chain (-100)
        return registration;
    }

    /** Parses the multipart upload before anything else; a body over the limit is answered with the redirect. */
    static final class UploadLimitFilter extends OncePerRequestFilter {

        private final AccessLog accessLog;

        UploadLimitFilter(AccessLog accessLog) {
            this.accessLog = accessLog;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String type = request.getContentType();
            if ("POST".equals(request.getMethod()) && type != null
                    && type.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
                try {
                    request.getParts();
                } catch (RuntimeException | ServletException | IOException e) {
                    if (tooLarge(e)) {
                        refuse(request, response);
                        return;
                    }
                    throw e;
                }
            }
            chain.doFilter(request, response);
        }

        private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
            HttpSession session = request.getSession(false);
            if (session != null && session.getAttribute(HttpSessionSecurityContextRepository
                    .SPRING_SECURITY_CONTEXT_KEY) instanceof SecurityContext context
                    && context.getAuthentication() != null
                    && context.getAuthentication().getPrincipal() instanceof Caller caller) {
                accessLog.record(new AccessEntry(caller.name(), AccessAction.UPLOAD_REJECTED, null, null, null, null,
                        null, "too large: " + request.getContentLengthLong() + " bytes (web)"));
            }
            FlashMap flash = new FlashMap();
            flash.put("uploadRefused", "tooLarge");
            flash.put("uploadFile", "");
            flash.put("uploadErrors", List.of());
            flash.setTargetRequestPath(request.getContextPath() + "/deputy");
            new SessionFlashMapManager().saveOutputFlashMap(flash, request, response);
            response.sendRedirect(request.getContextPath() + "/deputy");
        }

        /** Whether the failure is the container's size limit (Tomcat: «… exceeds its maximum permitted size …»). */
        static boolean tooLarge(Throwable e) {
            for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
                String m = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
                if (m.contains("exceed") && (m.contains("size") || m.contains("length"))
                        || t.getClass().getSimpleName().contains("SizeLimitExceeded")
                        || t instanceof org.springframework.web.multipart.MaxUploadSizeExceededException) {
                    return true;
                }
            }
            return false;
        }
    }
}
