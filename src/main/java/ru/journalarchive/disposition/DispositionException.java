package ru.journalarchive.disposition;

/**
 * A refused disposition operation (an unknown act, a step out of order, a held document …), with its Russian text
 * for staff; nothing was changed.
 */
public class DispositionException extends RuntimeException {

    public DispositionException(String messageKey, Object... args) {
        super(DispositionMessages.get(messageKey, args));
    }
}
