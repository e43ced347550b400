package ru.journalarchive.snapshot;

/**
 * One reason a snapshot was rejected: where it is, as a {@code $}-rooted JSON path such as
 * {@code $.classes[0].marks[3].value}, and why, in Russian for the school's staff. The message never repeats a
 * pupil's name.
 *
 * @param path    the JSON path of the offending value ({@code $} for the document as a whole)
 * @param message the reason, in Russian
 */
public record Violation(String path, String message) {

    @Override
    public String toString() {
        return path + ": " + message;
    }
}
