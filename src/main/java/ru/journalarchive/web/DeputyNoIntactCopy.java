package ru.journalarchive.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No replica of an archived document matched the registry's SHA-256: nothing handed out (IT must repair it). */
@ResponseStatus(HttpStatus.SERVICE_UNAVAILABLE)
final class DeputyNoIntactCopy extends RuntimeException {

    DeputyNoIntactCopy() {
        super(null, null, false, false);
    }
}
