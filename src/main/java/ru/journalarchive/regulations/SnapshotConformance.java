package ru.journalarchive.regulations;

import java.util.ArrayList;
import java.util.List;
import ru.journalarchive.snapshot.Snapshot;
import ru.journalarchive.snapshot.Violation;

/**
 * Checks a snapshot that meets the contract against its school's regulation profile: a college's snapshot under a
 * college's profile and a school's under a school's, every mark and final mark on the
 * school's marking scale (001 §5.7: the five-point scale only), and every class's period one of its grade's period
 * system (quarters, half-years or a course's semesters). Returns the violations by JSON path, at most
 * {@link #MAX_VIOLATIONS}; the import refuses the snapshot whole when there is one.
 */
public final class SnapshotConformance {

    /** The most violations listed: a snapshot with more is refused with these. */
    static final int MAX_VIOLATIONS = 1000;

    private SnapshotConformance() {
    }

    /** The violations of a snapshot against a profile, in document order; empty when it conforms. */
    public static List<Violation> check(Snapshot snapshot, RegulationProfile profile) {
        List<Violation> violations = new ArrayList<>();
        boolean college = snapshot.school() != null && snapshot.school().isCollege();
        if (college != profile.isCollege()) {
            // A college's snapshot under a school's profile (or the reverse): its courses would be read as grades.
            violations.add(new Violation("$.school.kind", RegulationMessages.get(college
                    ? "conformance.kind.college" : "conformance.kind.school", profile.title(), profile.id())));
            return List.copyOf(violations);
        }
        List<Snapshot.SchoolClass> classes = snapshot.classes() == null ? List.of() : snapshot.classes();
        for (int i = 0; i < classes.size() && violations.size() < MAX_VIOLATIONS; i++) {
            Snapshot.SchoolClass c = classes.get(i);
            String at = "$.classes[" + i + "]";
            var system = profile.periodSystemOf(c.grade());
            if (system.isEmpty()) {
                violations.add(new Violation(at + ".grade", RegulationMessages.get("conformance.grade", c.grade(),
                        profile.title())));
            } else if (c.period() != null && !system.get().periodIds().contains(c.period().id())) {
                violations.add(new Violation(at + ".period.id", RegulationMessages.get("conformance.period",
                        c.period().id(), c.grade(), RegulationMessages.get("conformance.system."
                                + system.get().name()), String.join(", ", system.get().periodIds()), profile.title())));
            }
            List<Snapshot.Mark> marks = c.marks() == null ? List.of() : c.marks();
            for (int m = 0; m < marks.size() && violations.size() < MAX_VIOLATIONS; m++) {
                String value = marks.get(m).value();
                if (value != null && !profile.marks().allows(value)) {
                    violations.add(new Violation(at + ".marks[" + m + "].value", outOfScale(value, profile)));
                }
            }
            List<Snapshot.FinalMark> finals = c.finalMarks() == null ? List.of() : c.finalMarks();
            for (int f = 0; f < finals.size() && violations.size() < MAX_VIOLATIONS; f++) {
                String value = finals.get(f).value();
                if (value != null && !profile.marks().allows(value)) {
                    violations.add(new Violation(at + ".finalMarks[" + f + "].value", outOfScale(value, profile)));
                }
            }
        }
        return List.copyOf(violations);
    }

    private static String outOfScale(String value, RegulationProfile profile) {
        List<String> allowed = new ArrayList<>(profile.marks().scaleMarks());
        allowed.addAll(profile.marks().scaleSpecial());
        return RegulationMessages.get("conformance.scale", value, String.join(", ", allowed), profile.title());
    }
}
