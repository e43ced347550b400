package ru.journalarchive.web;

import ru.journalarchive.security.Role;

/** Where each role's section of the web interface starts. */
final class UiPaths {

    private UiPaths() {
    }

    /** The start page of a role's section. */
    static String home(Role role) {
        return switch (role) {
            case DEPUTY -> "/deputy";
            case DIRECTOR -> "/director";
            case ARCHIVIST -> "/archivist";
            case IT_ADMIN -> "/it";
        };
    }
}
