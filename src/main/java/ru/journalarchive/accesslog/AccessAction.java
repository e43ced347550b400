package ru.journalarchive.accesslog;

/** What a person did with the archive, as written in the access log's {@code action} column. */
public enum AccessAction {
    /** A search of the index (the query text and the number of results are logged). */
    SEARCH("search"),
    /** A search result opened (a document's details shown). */
    OPEN("open"),
    /** A document handed out as a file, its hash verified. */
    RETRIEVE("retrieve"),
    /** A retrieval that found no intact replica: nothing was handed out. */
    RETRIEVE_FAILED("retrieve-failed"),
    /** A certified extract produced for a pupil. */
    EXTRACT("extract"),
    /** An authorised correction made to a frozen journal. */
    CORRECT("correct"),
    /** A staff member authenticated (each stateless API request authenticates). */
    LOGIN("login"),
    /** A login refused: unknown user, wrong password or a locked account (the reason is in the detail). */
    LOGIN_FAILED("login-failed"),
    /** An account locked after too many failed logins. */
    LOCKED_OUT("locked-out"),
    /** A snapshot uploaded through the API and accepted. */
    UPLOAD("upload"),
    /** A snapshot uploaded through the API and rejected (or refused for another school): nothing stored. */
    UPLOAD_REJECTED("upload-rejected"),
    /** An import's close status read through the API. */
    STATUS("status"),
    /** The registry's documents listed through the API (the filter is the query text). */
    LIST("list"),
    /** A page of the web interface opened (the method and path are the detail; never the query string). */
    VIEW("view"),
    /** A staff member logged out of the web interface. */
    LOGOUT("logout"),
    /** A change made through the web interface (a form submitted: the method, path and what was done). */
    ACTION("action"),
    /** A page or action refused: the caller's role or schools do not allow it. */
    DENIED("denied"),
    /** Password logins from one client address refused without a check: too many failures (issue 13). */
    THROTTLED("throttled"),
    /** A staff member's personal access token issued ({@code user token create}); the detail names the token. */
    TOKEN_CREATED("token-created"),
    /** A personal access token revoked ({@code user token revoke}). */
    TOKEN_REVOKED("token-revoked"),
    /** A staff account disabled ({@code user disable}): its sessions and tokens stop working at once. */
    USER_DISABLED("user-disabled"),
    /** A disabled staff account enabled again ({@code user enable}). */
    USER_ENABLED("user-enabled"),
    /** A journal system's API key revoked ({@code api-key revoke}). */
    API_KEY_REVOKED("api-key-revoked");

    private final String code;

    AccessAction(String code) {
        this.code = code;
    }

    /** The value stored in the database. */
    public String code() {
        return code;
    }

    /** The action stored as {@code code}. */
    public static AccessAction of(String code) {
        for (AccessAction action : values()) {
            if (action.code.equals(code)) {
                return action;
            }
        }
        throw new IllegalArgumentException("unknown access action " + code);
    }
}
