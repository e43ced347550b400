package ru.journalarchive.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import ru.journalarchive.text.UnsafeCharacters;

/**
 * Refuses, before any page or API handler runs, a request whose parameters (query, form, path variables, names of
 * uploaded files) hold a character no text of the archive may hold ({@link UnsafeCharacters}: NUL and other
 * controls, lone surrogates, direction overrides …): 400 naming the parameter, answered by {@link InputRefusals}.
 * Tab and line breaks are allowed only in the multi-line fields (a reason, a note). One check for every form and
 * every API parameter, present and future.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class UnsafeParameters implements WebMvcConfigurer, HandlerInterceptor {

    /** Parameters typed in a text area, where tab and line breaks are fine. */
    static final Set<String> MULTI_LINE = Set.of("reason", "note", "comment");

    /** A parameter that holds a refused character. */
    static final class Refused extends RuntimeException {

        private final String parameter;
        private final transient UnsafeCharacters.Found found;

        Refused(String parameter, UnsafeCharacters.Found found) {
            super("refused character " + found.codePoint() + " in parameter " + UnsafeCharacters.escape(parameter));
            this.parameter = UnsafeCharacters.escape(parameter);
            this.found = found;
        }

        /** The parameter's name, safe to show. */
        String parameter() {
            return parameter;
        }

        UnsafeCharacters.Found found() {
            return found;
        }
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).excludePathPatterns("/css/**", "/js/**", "/img/**", "/favicon.ico", "/error");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            String name = parameter.getKey();
            check(name, name, false);
            for (String value : parameter.getValue()) {
                check(name, value, MULTI_LINE.contains(name));
            }
        }
        if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables) {
            variables.forEach((name, value) -> check(String.valueOf(name), String.valueOf(value), false));
        }
        if (request instanceof MultipartHttpServletRequest multipart) {
            for (Map.Entry<String, MultipartFile> file : multipart.getFileMap().entrySet()) {
                check(file.getKey(), file.getValue().getOriginalFilename(), false);
            }
        }
        return true;
    }

    private static void check(String parameter, String value, boolean multiLine) {
        UnsafeCharacters.find(value, multiLine).ifPresent(found -> {
            throw new Refused(parameter, found);
        });
    }
}
