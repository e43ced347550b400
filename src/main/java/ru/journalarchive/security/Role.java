package ru.journalarchive.security;

/** A staff member's role in the archive. */
public enum Role {
    /** Deputy head: prepares acts and extracts. */
    DEPUTY,
    /** Director: signs and approves. */
    DIRECTOR,
    /** Archivist: searches, retrieves, keeps the archive. */
    ARCHIVIST,
    /** IT administrator: accounts, keys, storage. */
    IT_ADMIN
}
