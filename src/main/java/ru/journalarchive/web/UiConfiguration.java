package ru.journalarchive.web;

import java.util.Locale;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.FixedLocaleResolver;
import ru.journalarchive.accesslog.AccessLog;

/**
 * Spring MVC settings of the web interface: pages in Russian (the bundles' base files; an English bundle and an
 * {@code AcceptHeaderLocaleResolver} would add English), and every page a staff member opens written to the access
 * log by {@link PageAccessLog}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class UiConfiguration implements WebMvcConfigurer {

    private final AccessLog accessLog;

    UiConfiguration(AccessLog accessLog) {
        this.accessLog = accessLog;
    }

    @Bean
    LocaleResolver localeResolver() {
        return new FixedLocaleResolver(Locale.forLanguageTag("ru"));
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new PageAccessLog(accessLog))
                .excludePathPatterns("/css/**", "/js/**", "/img/**", "/favicon.ico", "/error", "/login",
                        "/api/**", "/v3/**", "/swagger-ui/**");
    }
}
