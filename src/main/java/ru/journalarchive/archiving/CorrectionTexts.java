package ru.journalarchive.archiving;

import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import ru.journalarchive.freezing.RetroactiveChange;

/**
 * Words the changes of a correction for the correction note in the PDF (Russian, bundle {@code i18n/corrections}):
 * what changed, where, old → new, who entered the values when — the retroactive-change report, on paper.
 */
@Component
class CorrectionTexts {

    private static final Locale RUSSIAN = Locale.forLanguageTag("ru-RU");

    private final MessageSource source;

    CorrectionTexts(MessageSource source) {
        this.source = source;
    }

    List<String> describe(List<RetroactiveChange> changes) {
        return changes.stream().map(this::describe).toList();
    }

    String describe(RetroactiveChange c) {
        String where = switch (c.kind()) {
            case MARK, ABSENCE -> get("where.lesson", nz(c.subjectId()), nz(c.lessonDate()), nz(c.lessonId()),
                    nz(c.studentId()));
            case FINAL_MARK -> get("where.final", nz(c.subjectId()), nz(c.period()), nz(c.studentId()));
            case LESSON -> get("where.lessonField", nz(c.lessonDate()), nz(c.lessonId()), nz(c.field()));
            case STUDENT -> get("where.student", nz(c.studentId()), nz(c.field()));
            case OTHER -> get("where.other", nz(c.field()));
        };
        String values = get("values", c.oldValue() == null ? "—" : c.oldValue(),
                c.newValue() == null ? "—" : c.newValue());
        String evidence = c.oldEnteredAt() == null && c.newEnteredAt() == null ? ""
                : " " + get("evidence", nz(c.oldEnteredAt()), nz(c.oldEnteredBy()), nz(c.newEnteredAt()),
                        nz(c.newEnteredBy()));
        return get("kind." + c.kind().name()) + ": " + where + "; " + values + evidence;
    }

    private String get(String key, String... args) {
        return source.getMessage("corrections.change." + key, args.length == 0 ? null : args, RUSSIAN);
    }

    private static String nz(String s) {
        return s == null ? "—" : s;
    }
}
