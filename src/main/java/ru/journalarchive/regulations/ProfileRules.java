package ru.journalarchive.regulations;

import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import ru.journalarchive.regulations.RegulationProfile.Backups;
import ru.journalarchive.regulations.RegulationProfile.Custody;
import ru.journalarchive.regulations.RegulationProfile.Grades;
import ru.journalarchive.regulations.RegulationProfile.MarkDeadline;
import ru.journalarchive.regulations.RegulationProfile.Marks;
import ru.journalarchive.regulations.RegulationProfile.Organisation;
import ru.journalarchive.regulations.RegulationProfile.Paper;
import ru.journalarchive.regulations.RegulationProfile.PaperRegime;
import ru.journalarchive.regulations.RegulationProfile.PaperStepRule;
import ru.journalarchive.regulations.RegulationProfile.PeriodBand;
import ru.journalarchive.regulations.RegulationProfile.PeriodSystem;
import ru.journalarchive.regulations.RegulationProfile.WorkKind;
import tools.jackson.databind.JsonNode;

/**
 * Turns a schema-valid profile tree into a {@link RegulationProfile}, checking what the schema cannot: a real time
 * zone, grade bands in order and without overlaps or gaps, paper fields that fit the regime, steps in the registry's
 * order, deadline rules that do not contradict each other.
 */
final class ProfileRules {

    /** The paper-copy registry's steps, in their only order (papercopies.PaperStep). */
    static final List<String> STEP_ORDER = List.of("printed", "subject-signed", "class-teacher-certified",
            "deputy-accepted", "director-signed-sealed", "bound-numbered", "placed", "transferred-to-archive");
    private static final int SCHOOL_GRADES = 11;
    private static final int COLLEGE_COURSES = 5;

    /** A rule broken, with the field at fault. */
    static final class Violation extends RuntimeException {
        private final String field;

        Violation(String field, String message) {
            super(message, null, false, false);
            this.field = field;
        }

        String field() {
            return field;
        }
    }

    private ProfileRules() {
    }

    static RegulationProfile toProfile(JsonNode node) {
        Organisation organisation = node.get("organisation").asString().equals("college") ? Organisation.COLLEGE
                : Organisation.SCHOOL;
        ZoneId zone;
        try {
            zone = ZoneId.of(node.get("timeZone").asString());
        } catch (DateTimeException e) {
            throw new Violation("timeZone", RegulationMessages.get("regulations.timeZone", node.get("timeZone").asString()));
        }
        List<PeriodBand> periods = periods(node.get("periods"), organisation);
        Paper paper = paper(node.get("paper"), organisation);
        Marks marks = marks(node.get("marks"), organisation);
        return new RegulationProfile(node.get("id").asString(), node.get("title").asString(),
                node.get("basis").asString(), organisation, zone, periods, paper, marks);
    }

    private static List<PeriodBand> periods(JsonNode array, Organisation organisation) {
        List<PeriodBand> bands = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            JsonNode band = array.get(i);
            String field = "periods[" + i + "]";
            Grades grades = grades(band.get("grades"), field + ".grades", organisation);
            PeriodSystem system = PeriodSystem.valueOf(band.get("system").asString().toUpperCase().replace('-', '_'));
            if (system == PeriodSystem.SEMESTERS && organisation != Organisation.COLLEGE) {
                throw new Violation(field + ".system", RegulationMessages.get("regulations.periods.semesters"));
            }
            for (PeriodBand other : bands) {
                if (other.grades().overlaps(grades)) {
                    throw new Violation(field + ".grades", RegulationMessages.get("regulations.periods.overlap",
                            other.grades().from(), other.grades().to(), grades.from(), grades.to()));
                }
            }
            bands.add(new PeriodBand(grades, system));
        }
        int last = organisation == Organisation.SCHOOL ? SCHOOL_GRADES
                : bands.stream().mapToInt(b -> b.grades().to()).max().orElse(1);
        for (int grade = 1; grade <= last; grade++) {
            int g = grade;
            if (bands.stream().noneMatch(b -> b.grades().contains(g))) {
                throw new Violation("periods", RegulationMessages.get("regulations.periods.gap", grade));
            }
        }
        return List.copyOf(bands);
    }

    private static Paper paper(JsonNode node, Organisation organisation) {
        PaperRegime regime = PaperRegime.of(node.get("regime").asString());
        if (regime == PaperRegime.NONE) {
            for (String field : List.of("grades", "documents", "custody", "steps", "yearlyDue", "backups")) {
                if (node.has(field)) {
                    throw new Violation("paper." + field, RegulationMessages.get("regulations.paper.none", field));
                }
            }
            return new Paper(regime, null, List.of(), Custody.REGISTRY, List.of(), null, null);
        }
        for (String field : List.of("grades", "documents")) {
            if (!node.has(field) || node.get(field).isEmpty() && field.equals("documents")) {
                throw new Violation("paper." + field, RegulationMessages.get("regulations.paper.required",
                        regime.code()));
            }
        }
        Grades grades = grades(node.get("grades"), "paper.grades", organisation);
        List<String> documents = new ArrayList<>();
        node.get("documents").forEach(d -> documents.add(d.asString()));
        Custody custody = node.path("custody").asString("registry").equals("class-teacher-until-graduation")
                ? Custody.CLASS_TEACHER_UNTIL_GRADUATION : Custody.REGISTRY;
        if (custody == Custody.CLASS_TEACHER_UNTIL_GRADUATION && organisation != Organisation.COLLEGE) {
            throw new Violation("paper.custody", RegulationMessages.get("regulations.paper.custody"));
        }
        boolean needsSteps = regime != PaperRegime.ON_DEMAND;
        if (needsSteps && (!node.has("steps") || node.get("steps").isEmpty())) {
            throw new Violation("paper.steps", RegulationMessages.get("regulations.paper.required", regime.code()));
        }
        List<PaperStepRule> steps = steps(node.path("steps"), regime, custody);
        MonthDay yearlyDue = null;
        if (node.has("yearlyDue")) {
            if (regime != PaperRegime.YEARLY_BY_30_JUNE) {
                throw new Violation("paper.yearlyDue", RegulationMessages.get("regulations.paper.yearlyDue"));
            }
            try {
                yearlyDue = MonthDay.parse("--" + node.get("yearlyDue").asString());
            } catch (DateTimeException e) {
                throw new Violation("paper.yearlyDue", e.getMessage());
            }
        } else if (regime == PaperRegime.YEARLY_BY_30_JUNE) {
            throw new Violation("paper.yearlyDue", RegulationMessages.get("regulations.paper.required", regime.code()));
        }
        Backups backups = null;
        if (node.has("backups")) {
            JsonNode b = node.get("backups");
            List<String> media = new ArrayList<>();
            b.get("media").forEach(m -> media.add(m.asString()));
            backups = new Backups(b.get("day").asInt(), List.copyOf(media), b.path("handedToDirector").asBoolean(false));
        }
        return new Paper(regime, grades, List.copyOf(documents), custody, steps, yearlyDue, backups);
    }

    private static List<PaperStepRule> steps(JsonNode array, PaperRegime regime, Custody custody) {
        List<PaperStepRule> steps = new ArrayList<>();
        int previous = -1;
        Set<String> seen = new LinkedHashSet<>();
        for (int i = 0; array.isArray() && i < array.size(); i++) {
            JsonNode s = array.get(i);
            String field = "paper.steps[" + i + "]";
            String step = s.get("step").asString();
            if (!seen.add(step)) {
                throw new Violation(field + ".step", RegulationMessages.get("regulations.paper.stepTwice", step));
            }
            int position = STEP_ORDER.indexOf(step);
            if (position < previous) {
                throw new Violation(field + ".step", RegulationMessages.get("regulations.paper.order", step,
                        STEP_ORDER.get(previous)));
            }
            previous = position;
            if (s.has("day") && regime != PaperRegime.FIVE_DAY_PER_PERIOD) {
                throw new Violation(field + ".day", RegulationMessages.get("regulations.paper.day"));
            }
            if (!s.has("day") && regime == PaperRegime.FIVE_DAY_PER_PERIOD) {
                throw new Violation(field + ".day", RegulationMessages.get("regulations.paper.dayMissing"));
            }
            if (step.equals("transferred-to-archive") && custody != Custody.CLASS_TEACHER_UNTIL_GRADUATION) {
                throw new Violation(field + ".step", RegulationMessages.get("regulations.paper.transfer"));
            }
            steps.add(new PaperStepRule(step, s.has("day") ? s.get("day").asInt() : null));
        }
        return List.copyOf(steps);
    }

    private static Marks marks(JsonNode node, Organisation organisation) {
        List<String> scale = strings(node.get("scale").get("marks"));
        List<String> special = strings(node.get("scale").get("special"));
        for (String value : special) {
            if (scale.contains(value)) {
                throw new Violation("marks.scale.special", RegulationMessages.get("regulations.scale.both", value));
            }
        }
        Set<String> oral = new LinkedHashSet<>();
        strings(node.get("oralWorkTypes")).forEach(t -> oral.add(RegulationProfile.normalise(t)));
        List<MarkDeadline> deadlines = new ArrayList<>();
        JsonNode rules = node.get("deadlines");
        for (int i = 0; i < rules.size(); i++) {
            JsonNode r = rules.get(i);
            String field = "marks.deadlines[" + i + "]";
            Grades grades = grades(r.get("grades"), field + ".grades", organisation);
            WorkKind work = WorkKind.valueOf(r.get("work").asString().toUpperCase());
            Set<String> types = new LinkedHashSet<>();
            if (r.has("workTypes")) {
                strings(r.get("workTypes")).forEach(t -> types.add(RegulationProfile.normalise(t)));
            }
            MarkDeadline deadline = new MarkDeadline(work, grades, r.get("daysAfterLesson").asInt(),
                    r.has("byTime") ? LocalTime.parse(r.get("byTime").asString()) : null, Set.copyOf(types));
            for (MarkDeadline other : deadlines) {
                if (other.work() == work && other.workTypes().equals(deadline.workTypes())
                        && other.grades().overlaps(grades)) {
                    throw new Violation(field + ".grades", RegulationMessages.get("regulations.deadline.overlap",
                            work.name().toLowerCase(), Math.max(grades.from(), other.grades().from()),
                            Math.min(grades.to(), other.grades().to())));
                }
            }
            deadlines.add(deadline);
        }
        Integer finalDays = node.has("finalMarkDaysBeforePeriodEnd")
                ? node.get("finalMarkDaysBeforePeriodEnd").asInt() : null;
        Integer minimum = node.has("minimumPerPeriod") ? node.get("minimumPerPeriod").asInt() : null;
        return new Marks(scale, special, Set.copyOf(oral), List.copyOf(deadlines), finalDays, minimum);
    }

    private static Grades grades(JsonNode node, String field, Organisation organisation) {
        int from = node.get("from").asInt();
        int to = node.get("to").asInt();
        if (from > to) {
            throw new Violation(field, RegulationMessages.get("regulations.grades.order", from, to));
        }
        if (organisation == Organisation.COLLEGE && to > COLLEGE_COURSES) {
            throw new Violation(field + ".to", RegulationMessages.get("regulations.grades.range", to));
        }
        return new Grades(from, to);
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        if (array != null) {
            array.forEach(v -> values.add(v.asString()));
        }
        return List.copyOf(values);
    }
}
