package ru.journalarchive.freezing;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import ru.journalarchive.regulations.RegulationProfile;
import ru.journalarchive.snapshot.Snapshot;

/**
 * Which marks of a frozen journal were entered after the regulation profile's deadline: current marks by their work
 * kind (oral or written) and the class's grade band (000 §2.4, 001 §5.2, 003 §4.2.3.3, 004 §4.4.1), and the period's
 * final marks by the final-mark deadline (004 §5.3). Moments carry their offset: each is compared in the school's
 * zone. A mark with no applicable rule, or whose moment cannot be read, is never late.
 */
final class MarkTimeliness {

    private MarkTimeliness() {
    }

    /** The current marks entered late, in the journal's order. */
    static List<ControlFinding> lateMarks(ClassFacts facts, RegulationProfile profile) {
        ZoneId zone = profile.timeZone();
        int grade = facts.schoolClass().grade();
        List<ControlFinding> late = new ArrayList<>();
        for (Snapshot.Mark m : ClassFacts.nz(facts.schoolClass().marks())) {
            Snapshot.Lesson lesson = facts.lesson(m.lesson());
            Optional<RegulationProfile.MarkDeadline> rule = profile.marks().deadlineFor(m.workType(), grade);
            ZonedDateTime entered = inZone(m.enteredAt(), zone);
            if (lesson == null || rule.isEmpty() || entered == null) {
                continue;
            }
            ZonedDateTime due = rule.get().dueAt(lesson.date(), zone);
            if (entered.isAfter(due)) {
                boolean oral = profile.marks().kindOf(m.workType()) == RegulationProfile.WorkKind.ORAL;
                late.add(facts.lateMark(m, lesson, oral, due, rule.get().byTime() != null));
            }
        }
        return late;
    }

    /** The period's own final marks entered after the profile's final-mark deadline; none without such a rule. */
    static List<ControlFinding> lateFinalMarks(ClassFacts facts, RegulationProfile profile) {
        Snapshot.Period period = facts.schoolClass().period();
        Optional<ZonedDateTime> due = profile.marks().finalMarkDueAt(period.end(), profile.timeZone());
        List<ControlFinding> late = new ArrayList<>();
        if (due.isEmpty()) {
            return late;
        }
        for (Snapshot.FinalMark f : ClassFacts.nz(facts.schoolClass().finalMarks())) {
            ZonedDateTime entered = inZone(f.enteredAt(), profile.timeZone());
            if (period.id().equals(f.period()) && entered != null && entered.isAfter(due.get())) {
                late.add(facts.lateFinalMark(f, due.get()));
            }
        }
        return late;
    }

    /** A moment of the snapshot (ISO-8601 with offset) in the school's zone, or null when absent or unreadable. */
    static ZonedDateTime inZone(String instant, ZoneId zone) {
        if (instant == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(instant).atZoneSameInstant(zone);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
