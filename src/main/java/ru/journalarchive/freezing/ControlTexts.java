package ru.journalarchive.freezing;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import ru.journalarchive.freezing.ControlFinding.Kind;

/**
 * The Russian lines of the control report ({@code i18n/control.properties}), the same for the command line and the
 * web page: names of classes, pupils, subjects and teachers, dates and moments in the school's zone, never ids.
 */
@Component
public class ControlTexts {

    private static final Locale RU = Locale.forLanguageTag("ru");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final MessageSource messages;

    ControlTexts(MessageSource messages) {
        this.messages = messages;
    }

    /** The heading of a kind, e.g. «Отметки, выставленные позже срока». */
    public String kind(Kind kind) {
        return text("control.kind." + kind.code());
    }

    /** A finding with its class and period: «5А, 2 четверть: отметка за устный ответ выставлена поздно — …». */
    public String full(ControlFinding f) {
        return text("control.line.inClass", f.className(), f.periodName(), line(f));
    }

    /** A finding without its class: «отметка за устный ответ выставлена поздно — Иванов Иван, Математика, …». */
    public String line(ControlFinding f) {
        return switch (f.kind()) {
            case LATE_MARK -> text("control.line.late-mark", work(f), f.studentName(), f.subjectName(),
                    day(f.lessonDate()), entered(f), due(f));
            case LATE_FINAL_MARK -> text("control.line.late-final-mark", f.studentName(), f.subjectName(),
                    entered(f), due(f));
            case FEW_MARKS -> text("control.line.few-marks", f.studentName(), f.subjectName(), f.count(),
                    f.minimum());
            case MISSING_FINAL_MARK -> text("control.line.missing-final-mark", f.studentName(), f.subjectName());
            case NO_TOPIC, NO_HOMEWORK -> text("control.line." + f.kind().code(), day(f.lessonDate()),
                    f.lessonNumber(), f.subjectName(), f.teacherName());
        };
    }

    private String work(ControlFinding f) {
        if (f.oral()) {
            return text("control.work.oral");
        }
        return f.workType() == null || f.workType().isBlank() ? text("control.work.written.untyped")
                : text("control.work.written", f.workType());
    }

    /** When the mark was entered, in the school's zone (that of its deadline). */
    private String entered(ControlFinding f) {
        ZoneId zone = f.dueAt() == null ? ZoneId.systemDefault() : f.dueAt().getZone();
        ZonedDateTime at = MarkTimeliness.inZone(f.enteredAt(), zone);
        return at == null ? String.valueOf(f.enteredAt()) : MOMENT.format(at);
    }

    private String due(ControlFinding f) {
        return f.byTime() ? text("control.due.byTime", TIME.format(f.dueAt()), DAY.format(f.dueAt()))
                : text("control.due.endOfDay", DAY.format(f.dueAt()));
    }

    private static String day(LocalDate date) {
        return date == null ? "—" : DAY.format(date);
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, RU);
    }
}
