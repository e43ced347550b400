package ru.journalarchive.cli;

import ru.journalarchive.freezing.RetroactiveChange;

/**
 * One line of the retroactive-change report for the deputy: what differs, old and new value, who entered them when.
 */
final class RetroactiveChangeText {

    private RetroactiveChangeText() {
    }

    static String describe(Messages messages, RetroactiveChange c) {
        String where = switch (c.kind()) {
            case MARK, ABSENCE -> messages.get("change.where.lesson", nz(c.subjectId()), nz(c.lessonDate()),
                    nz(c.lessonId()), nz(c.studentId()));
            case FINAL_MARK -> messages.get("change.where.final", nz(c.subjectId()), nz(c.period()), nz(c.studentId()));
            case LESSON -> messages.get("change.where.lessonField", nz(c.lessonDate()), nz(c.lessonId()), nz(c.field()));
            case STUDENT -> messages.get("change.where.student", nz(c.studentId()), nz(c.field()));
            case OTHER -> messages.get("change.where.other", nz(c.field()));
        };
        String kind = messages.get("change.kind." + c.kind().name());
        String values = messages.get("change.values", c.oldValue() == null ? "—" : c.oldValue(),
                c.newValue() == null ? "—" : c.newValue());
        String evidence = c.oldEnteredAt() == null && c.newEnteredAt() == null ? ""
                : " " + messages.get("change.evidence", nz(c.oldEnteredAt()), nz(c.oldEnteredBy()),
                        nz(c.newEnteredAt()), nz(c.newEnteredBy()));
        return kind + ": " + where + "; " + values + evidence;
    }

    private static String nz(String s) {
        return s == null ? "—" : s;
    }
}
