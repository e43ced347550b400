package ru.journalarchive.signing;

/**
 * Where the visible signature stamp goes: on a class journal's title page, in the spot its layout keeps free beside
 * the class teacher's and director's lines; or, for every other document (summary statement, extract, destruction
 * act), at the bottom right of its last page, where its signature lines end.
 */
public enum StampPlacement {
    TITLE_PAGE, LAST_PAGE
}
