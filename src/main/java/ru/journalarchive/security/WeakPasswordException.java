package ru.journalarchive.security;

/** Thrown when a new password is too weak; {@link #reason()} names the rule broken (a message key suffix). */
public class WeakPasswordException extends IllegalArgumentException {

    private final String reason;

    WeakPasswordException(String reason) {
        super("weak password: " + reason);
        this.reason = reason;
    }

    /** {@code tooShort}, {@code tooFewKinds} or {@code containsLogin}. */
    public String reason() {
        return reason;
    }
}
