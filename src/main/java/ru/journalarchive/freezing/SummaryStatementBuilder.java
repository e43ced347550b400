package ru.journalarchive.freezing;

import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import ru.journalarchive.snapshot.ClassJournal;
import ru.journalarchive.snapshot.Snapshot;

/**
 * Builds a class's summary statement from its frozen period journals of one year, and lists every retroactive change
 * of an earlier period's final mark: a later journal's copy that differs from the period's own frozen journal. The
 * statement always takes the frozen value.
 */
final class SummaryStatementBuilder {

    /** The periods of a year of quarters and of a year of half-years, in order. */
    static final List<String> QUARTERS = List.of("Q1", "Q2", "Q3", "Q4");
    static final List<String> HALVES = List.of("H1", "H2");

    private static final Collator RUSSIAN = Collator.getInstance(Locale.forLanguageTag("ru"));

    /** The statement and the differences found, per (earlier period's journal, later journal carrying the copy). */
    record Result(SummaryStatement statement, List<Difference> differences) {
    }

    /** The final marks of {@code original}'s period that {@code copy} (a later journal) carries otherwise. */
    record Difference(FrozenJournal original, FrozenJournal copy, List<RetroactiveChange> changes) {
    }

    private SummaryStatementBuilder() {
    }

    /** The periods of the year a class's last period belongs to (Q4 → quarters, H2 → half-years), or null. */
    static List<String> yearOf(String lastPeriod) {
        return switch (lastPeriod) {
            case "Q4" -> QUARTERS;
            case "H2" -> HALVES;
            default -> null;
        };
    }

    /**
     * Builds the statement.
     *
     * @param journals the class's frozen journals of the year by period id; must contain the last period (Q4 or H2)
     */
    static Result build(Map<String, FrozenJournal> journals) {
        List<String> year = journals.containsKey("Q4") ? QUARTERS : HALVES;
        FrozenJournal lastFrozen = Objects.requireNonNull(journals.get(year.get(year.size() - 1)), "last period");
        ClassJournal last = lastFrozen.journal();
        Map<String, ClassJournal> read = new LinkedHashMap<>();
        for (String period : year) {
            if (journals.containsKey(period)) {
                read.put(period, period.equals(lastFrozen.periodId()) ? last : journals.get(period).journal());
            }
        }
        LocalDateRange range = new LocalDateRange(read.values().iterator().next().schoolClass().period().start(),
                last.schoolClass().period().end());

        // Pupils: everyone in any period's journal; the latest journal they appear in says when they came and left.
        Map<String, Snapshot.Student> pupils = new LinkedHashMap<>();
        Map<String, Snapshot.Subject> subjects = new TreeMap<>();
        List<SummaryStatement.Mark> marks = new ArrayList<>();
        List<Difference> differences = new ArrayList<>();
        List<SummaryStatement.PeriodSource> periods = new ArrayList<>();
        for (String period : year) {
            ClassJournal journal = read.get(period);
            if (journal == null) {
                periods.add(new SummaryStatement.PeriodSource(period, null, null, null, null));
                continue;
            }
            Snapshot.Period p = journal.schoolClass().period();
            periods.add(new SummaryStatement.PeriodSource(period, p.name(), p.start(), p.end(),
                    journals.get(period).sha256()));
            journal.schoolClass().students().forEach(s -> pupils.put(s.id(), s));
            for (Snapshot.FinalMark f : journal.schoolClass().finalMarks()) {
                boolean own = f.period().equals(period);
                boolean yearKind = period.equals(lastFrozen.periodId())
                        && SummaryStatement.YEAR_KINDS.contains(f.period());
                if (own || yearKind) {
                    marks.add(new SummaryStatement.Mark(f.student(), f.subject(), f.period(), f.value()));
                    subjects.put(f.subject(), journal.subjectsById().get(f.subject()));
                }
            }
        }
        for (int later = 1; later < year.size(); later++) {
            ClassJournal copy = read.get(year.get(later));
            if (copy == null) {
                continue;
            }
            for (int earlier = 0; earlier < later; earlier++) {
                ClassJournal original = read.get(year.get(earlier));
                if (original == null) {
                    continue;
                }
                List<RetroactiveChange> changes = changedCopies(original, copy, year.get(earlier));
                if (!changes.isEmpty()) {
                    differences.add(new Difference(journals.get(year.get(earlier)), journals.get(year.get(later)),
                            changes));
                }
            }
        }
        List<SummaryStatement.Pupil> students = pupils.values().stream()
                .sorted(Comparator.comparing(Snapshot.Student::fullName, RUSSIAN).thenComparing(Snapshot.Student::id))
                .map(s -> new SummaryStatement.Pupil(s.id(), s.fullName(), s.enrolled(), s.left(),
                        s.enrolled() != null && s.enrolled().isAfter(range.start()),
                        s.left() != null && !s.left().isAfter(range.end())))
                .toList();
        List<String> order = new ArrayList<>(year);
        order.addAll(SummaryStatement.YEAR_KINDS);
        List<String> studentOrder = students.stream().map(SummaryStatement.Pupil::id).toList();
        marks.sort(Comparator.comparing((SummaryStatement.Mark m) -> studentOrder.indexOf(m.student()))
                .thenComparing(SummaryStatement.Mark::subject)
                .thenComparing(m -> order.indexOf(m.period())));
        Snapshot.SchoolClass c = last.schoolClass();
        SummaryStatement statement = new SummaryStatement(SummaryStatement.FORMAT, last.school(), last.academicYear(),
                new SummaryStatement.ClassInfo(c.id(), c.name(), c.grade(),
                        new Snapshot.Teacher(c.classTeacher(), last.teacherName(c.classTeacher()))),
                periods, List.copyOf(subjects.values()), students, marks, List.of());
        return new Result(statement, differences);
    }

    /** The final marks of {@code period} in {@code copy} that are not exactly those frozen in {@code original}. */
    private static List<RetroactiveChange> changedCopies(ClassJournal original, ClassJournal copy, String period) {
        Map<String, Snapshot.FinalMark> frozen = new TreeMap<>();
        original.schoolClass().finalMarks().stream().filter(f -> f.period().equals(period))
                .forEach(f -> frozen.put(f.student() + "|" + f.subject(), f));
        List<RetroactiveChange> changes = new ArrayList<>();
        copy.schoolClass().finalMarks().stream().filter(f -> f.period().equals(period))
                .sorted(Comparator.comparing(f -> f.student() + "|" + f.subject()))
                .forEach(b -> {
                    Snapshot.FinalMark a = frozen.get(b.student() + "|" + b.subject());
                    if (!b.equals(a)) {
                        changes.add(new RetroactiveChange(RetroactiveChange.Kind.FINAL_MARK, b.subject(), b.student(),
                                null, null, period, null, a == null ? null : a.value(), b.value(),
                                a == null ? null : a.enteredAt(), a == null ? null : a.enteredBy(), b.enteredAt(),
                                b.enteredBy()));
                    }
                });
        return changes;
    }

    private record LocalDateRange(java.time.LocalDate start, java.time.LocalDate end) {
    }
}
