package ru.journalarchive.freezing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import ru.journalarchive.freezing.ControlFinding.Kind;
import ru.journalarchive.regulations.RegulationProfile;
import ru.journalarchive.snapshot.ClassJournal;
import ru.journalarchive.snapshot.Snapshot;

/**
 * The deputy's control report of one frozen period journal under the school's regulation profile (002 §1.2.10,
 * §1.2.13; 004 §4.6.5): marks entered after the profile's deadline for their work kind and grade band, the period's
 * final marks entered after the profile's final-mark deadline, pupils with fewer current marks than the profile's
 * minimum in a subject, final marks of the period missing for a pupil in the class at the period's end, and lessons
 * without a topic or (in a class that {@linkplain Completeness#keepsMarks(ClassJournal) keeps marks}) without homework. Computed from the frozen
 * journal only, so it describes exactly what was archived. See {@code archive-format/control-report.md}.
 *
 * @param profileId the regulation profile the report follows
 * @param findings  every finding, by kind in {@link Kind}'s order
 */
public record JournalControl(String profileId, List<ControlFinding> findings) {

    /** Whether the journal has nothing to report. */
    public boolean clean() {
        return findings.isEmpty();
    }

    /** The findings of one kind. */
    public List<ControlFinding> of(Kind kind) {
        return findings.stream().filter(f -> f.kind() == kind).toList();
    }

    /** The number of findings of a kind. */
    public long count(Kind kind) {
        return findings.stream().filter(f -> f.kind() == kind).count();
    }

    /** The findings grouped by kind, in {@link Kind}'s order, only the kinds that have findings. */
    public Map<Kind, List<ControlFinding>> byKind() {
        Map<Kind, List<ControlFinding>> grouped = new EnumMap<>(Kind.class);
        findings.forEach(f -> grouped.computeIfAbsent(f.kind(), k -> new ArrayList<>()).add(f));
        return new LinkedHashMap<>(grouped);
    }

    /** The control report of a frozen class journal under a regulation profile. */
    public static JournalControl of(ClassJournal journal, RegulationProfile profile) {
        ClassFacts facts = new ClassFacts(journal);
        boolean marked = Completeness.keepsMarks(journal);
        List<ControlFinding> all = new ArrayList<>();
        if (marked) {
            all.addAll(sorted(MarkTimeliness.lateMarks(facts, profile), Comparator.comparing(
                    ControlFinding::lessonDate).thenComparing(ControlFinding::lessonNumber)
                    .thenComparing(ControlFinding::subjectName).thenComparing(ControlFinding::studentName)));
            all.addAll(sorted(MarkTimeliness.lateFinalMarks(facts, profile), Comparator.comparing(
                    ControlFinding::subjectName).thenComparing(ControlFinding::studentName)));
            all.addAll(fewMarks(facts, profile));
            all.addAll(missingFinalMarks(facts));
        }
        Comparator<ControlFinding> byLesson = Comparator.comparing(ControlFinding::lessonDate)
                .thenComparing(ControlFinding::lessonNumber);
        List<ControlFinding> noTopic = new ArrayList<>();
        List<ControlFinding> noHomework = new ArrayList<>();
        for (Snapshot.Lesson l : facts.lessons()) {
            if (ClassFacts.blank(l.topic())) {
                noTopic.add(facts.lessonGap(Kind.NO_TOPIC, l));
            }
            if (marked && ClassFacts.blank(l.homework())) {
                noHomework.add(facts.lessonGap(Kind.NO_HOMEWORK, l));
            }
        }
        all.addAll(sorted(noTopic, byLesson));
        all.addAll(sorted(noHomework, byLesson));
        return new JournalControl(profile.id(), List.copyOf(all));
    }

    /** Pupils with fewer numeric marks of the scale in a subject's lessons of the period than the profile's minimum. */
    private static List<ControlFinding> fewMarks(ClassFacts facts, RegulationProfile profile) {
        Integer minimum = profile.marks().minimumPerPeriod();
        List<ControlFinding> few = new ArrayList<>();
        if (minimum == null) {
            return few;
        }
        Snapshot.Period period = facts.schoolClass().period();
        Map<String, Long> counts = ClassFacts.nz(facts.schoolClass().marks()).stream()
                .filter(m -> profile.marks().scaleMarks().contains(m.value()))
                .filter(m -> facts.lesson(m.lesson()) != null && within(facts.lesson(m.lesson()).date(), period))
                .collect(Collectors.groupingBy(m -> m.student() + "/" + facts.lesson(m.lesson()).subject(),
                        Collectors.counting()));
        for (String subject : Completeness.subjectsTaught(facts.journal())) {
            for (Snapshot.Student s : Completeness.pupilsOf(facts.schoolClass(), subject)) {
                long count = counts.getOrDefault(s.id() + "/" + subject, 0L);
                if (count < minimum) {
                    few.add(facts.fewMarks(s.id(), subject, (int) count, minimum));
                }
            }
        }
        return few;
    }

    /** Pupils present at the period's end without the period's final mark in a subject they are taught. */
    private static List<ControlFinding> missingFinalMarks(ClassFacts facts) {
        return Completeness.missingFinalMarks(facts.journal()).stream()
                .map(m -> facts.missingFinalMark(m.studentId(), m.subjectId())).toList();
    }

    private static boolean within(LocalDate day, Snapshot.Period period) {
        return !day.isBefore(period.start()) && !day.isAfter(period.end());
    }

    private static List<ControlFinding> sorted(List<ControlFinding> findings, Comparator<ControlFinding> order) {
        List<ControlFinding> copy = new ArrayList<>(findings);
        copy.sort(order);
        return copy;
    }
}
