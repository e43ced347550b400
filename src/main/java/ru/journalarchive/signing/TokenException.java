package ru.journalarchive.signing;

/**
 * Thrown when a signing token cannot be opened or cannot sign: a missing file or module, a wrong password or PIN,
 * no key or an ambiguous key. The message is Russian, names the token and is fit to show the director.
 */
public class TokenException extends IllegalStateException {

    TokenException(String message) {
        super(message);
    }

    TokenException(String message, Throwable cause) {
        super(message, cause);
    }
}
