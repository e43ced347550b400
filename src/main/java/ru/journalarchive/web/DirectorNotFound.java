package ru.journalarchive.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * Something the director asked for does not exist or belongs to another school: answered 404 with the Russian error
 * page. (A {@code ResponseStatusException} would be turned into an API problem document by the API's advice.)
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
final class DirectorNotFound extends RuntimeException {

    DirectorNotFound() {
        super("not found or not one of the caller's schools");
    }
}
