package ru.journalarchive.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * An import or document the deputy may not see, or that does not exist: the same 404 page either way. (Not a
 * {@code ResponseStatusException}: the API's problem-details advice would answer that one with JSON.)
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
final class DeputyNotFound extends RuntimeException {

    DeputyNotFound() {
        super(null, null, false, false);
    }
}
