package ru.journalarchive.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * Answers a request refused by {@link UnsafeParameters}: 400 with a Russian problem naming the parameter for the API
 * ({@code /api/…}), the error page with the same sentence for the web interface. Nothing was done.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class InputRefusals {

    private static final Locale RU = Locale.forLanguageTag("ru");

    private final MessageSource messages;

    InputRefusals(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(UnsafeParameters.Refused.class)
    Object refused(UnsafeParameters.Refused e, HttpServletRequest request) {
        String reason = messages.getMessage(e.found().kind().messageKey(),
                new Object[] {e.found().codePoint(), String.valueOf(e.found().position())}, RU);
        String detail = messages.getMessage("input.parameter.refused", new Object[] {e.parameter(), reason}, RU);
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            return SnapshotController.problem(Problems.field(HttpStatus.BAD_REQUEST, "invalid-parameter",
                    messages.getMessage("input.parameter.title", null, RU), e.parameter(), detail));
        }
        ModelAndView page = new ModelAndView("error", HttpStatus.BAD_REQUEST);
        page.addObject("status", 400);
        page.addObject("detail", detail);
        return page;
    }
}
