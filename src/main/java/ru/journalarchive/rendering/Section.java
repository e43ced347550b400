package ru.journalarchive.rendering;

import java.util.List;

/**
 * A part of the journal (the title page, one subject's marks pages, the attendance summary …): its title for
 * the contents and the bookmarks, and its pages laid out in advance so that sheet numbers are known before
 * anything is drawn.
 *
 * @param title  the title in the contents and the document outline
 * @param listed whether the contents lists it (the title page and the contents themselves are not)
 * @param pages  painters of its pages, in order
 */
record Section(String title, boolean listed, List<Painter> pages) {

    /** Draws one page's content (everything except the footer). */
    @FunctionalInterface
    interface Painter {
        void paint(PageCanvas canvas);
    }
}
