package ru.journalarchive.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * A database that is down answers 503 at once, in Russian, instead of a bare 500: the API a problem
 * ({@code database-unavailable}), the web interface its error page. A filter ahead of everything (Spring Security
 * looks up API keys and staff passwords in the database too), so whatever request meets the fault gets the same
 * answer; the pool gives up on a connection after 3 s ({@code docs/database.md}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class DatabaseUnavailable {

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> databaseUnavailableFilter(MessageSource messages) {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
                new Filter(messages));
        registration.setOrder(-300); // before the upload limit (-200) and Spring Security's chain (-100)
        return registration;
    }

    /** Whether the failure, or one of its causes, says the database cannot be reached. */
    static boolean isCause(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof DataAccessResourceFailureException
                    || cause instanceof TransientDataAccessResourceException
                    || cause instanceof CannotCreateTransactionException
                    || cause instanceof SQLTransientConnectionException || cause instanceof ConnectException
                    || cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }

    static final class Filter extends OncePerRequestFilter {

        private static final JsonMapper JSON = JsonMapper.builder().build();
        private static final Locale RUSSIAN = Locale.forLanguageTag("ru");
        private final MessageSource messages;

        Filter(MessageSource messages) {
            this.messages = messages;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            try {
                chain.doFilter(request, response);
            } catch (ServletException | IOException | RuntimeException e) {
                if (!isCause(e) || response.isCommitted()) {
                    throw e;
                }
                logger.warn("The database is unavailable: " + request.getMethod() + " " + request.getRequestURI()
                        + " answered 503 (" + e + ")");
                response.reset();
                if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
                    problem(response);
                } else {
                    response.sendError(HttpStatus.SERVICE_UNAVAILABLE.value());
                }
            }
        }

        private void problem(HttpServletResponse response) throws IOException {
            var body = new java.util.LinkedHashMap<String, Object>();
            body.put("type", Problems.BASE + "database-unavailable");
            body.put("title", messages.getMessage("database.unavailable.title", null, RUSSIAN));
            body.put("status", HttpStatus.SERVICE_UNAVAILABLE.value());
            body.put("detail", messages.getMessage("database.unavailable.detail", null, RUSSIAN));
            response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
            response.setHeader("Retry-After", "60");
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write(JSON.writeValueAsString(body));
        }
    }
}
