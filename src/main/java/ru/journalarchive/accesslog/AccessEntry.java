package ru.journalarchive.accesslog;

import java.util.UUID;

/**
 * One access to record: who (the staff member), what they did, to which document or with which query, how many
 * results, why, and for whom (the requester, e.g. the former pupil who asked for a statement).
 *
 * @param actor       the staff member; required
 * @param action      what was done; required
 * @param documentId  the document concerned, or null (a search)
 * @param queryText   the search as typed (it may hold a name: it goes to the database only, never to a log file)
 * @param resultCount how many results a search returned, or null
 * @param purpose     why (e.g. «запрос выписки», a letter's number), or null
 * @param requester   for whom, or null
 * @param detail      anything else worth keeping (the object's role, the location it came from), or null
 */
public record AccessEntry(String actor, AccessAction action, UUID documentId, String queryText, Integer resultCount,
                          String purpose, String requester, String detail) {

    public AccessEntry {
        if (actor == null || actor.isBlank()) {
            throw new IllegalArgumentException("actor is required");
        }
        if (action == null) {
            throw new IllegalArgumentException("action is required");
        }
        actor = actor.strip();
    }

    /** A search with its query and result count. */
    public static AccessEntry search(String actor, String queryText, int resultCount, String purpose,
            String requester) {
        return new AccessEntry(actor, AccessAction.SEARCH, null, queryText, resultCount, purpose, requester, null);
    }

    /** An action on one document. */
    public static AccessEntry of(String actor, AccessAction action, UUID documentId, String purpose, String requester,
            String detail) {
        return new AccessEntry(actor, action, documentId, null, null, purpose, requester, detail);
    }
}
