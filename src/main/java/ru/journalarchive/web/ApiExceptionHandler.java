package ru.journalarchive.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns Spring MVC's own errors (bad parameters, wrong media type, unknown path …) into problem details, and a bad
 * path or query parameter into one naming the field and the reason.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> mismatch(MethodArgumentTypeMismatchException e) {
        return SnapshotController.problem(Problems.field(HttpStatus.BAD_REQUEST, "invalid-parameter",
                "Неверный параметр", e.getName(), "Значение «" + e.getValue() + "» имеет неверный формат."));
    }
}
