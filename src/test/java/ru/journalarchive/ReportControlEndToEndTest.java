package ru.journalarchive;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;
import ru.journalarchive.support.Cli;
import ru.journalarchive.support.Snapshots;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code report control} through the real CLI on closed copies of the example school: under seed 000 exactly the marks
 * that break §2.4 are late (oral after the end of the day after the lesson in Moscow, written work after 7 days in
 * grades 2–9 and 10 days in 10–11), under seed 004 (bound to its school) marks after 19:00 of the lesson's day, a final
 * mark 1 day before the period's end and a pupil with 2 marks; bad options refused in Russian naming the option.
 */
@SpringBootTest
@ActiveProfiles("test")
@TestPropertySource(properties = {"test.context=report-control",
        "archive.regulations.schools.ctl-004=seed-004-on-demand"})
class ReportControlEndToEndTest {

    private static final Path EXAMPLE = Path.of("archive-format/examples/example-school.json");

    @Autowired
    ApplicationContext context;

    @TempDir
    Path tmp;

    Cli cli;

    @BeforeEach
    void cli() {
        cli = new Cli(context);
    }

    @Test
    void underSeed000ExactlyTheMarksThatBreakSection2_4AreLate() throws Exception {
        Set<String> expectedLate = new LinkedHashSet<>();
        Map<String, String> names = new HashMap<>();
        Path snapshot = Snapshots.mutate(EXAMPLE, tmp.resolve("ctl-000.json"), tree -> {
            ((ObjectNode) tree.get("school")).put("id", "ctl-000");
            allOnTime(tree, "+03:00");
            ObjectNode fifth = classNode(tree, "5a");
            Picker p = new Picker(fifth);
            // Oral («в течение суток»): by the end of the day AFTER the lesson, in Moscow.
            p.edit("У", 1, "T23:59:00+03:00", false);
            expectedLate.add(p.edit("У", 2, "T00:01:00+03:00", true));
            expectedLate.add(p.edit("У", 1, "T21:30:00+00:00", true)); // 00:30 two days after, in Moscow
            p.edit("У", 1, "T20:59:00+00:00", false);                   // 23:59 in Moscow
            // Written work in grade 5: 7 days.
            p.edit("КР", 7, "T23:59:00+03:00", false);
            expectedLate.add(p.edit("СР", 8, "T00:01:00+03:00", true));
            // No work type: written work, not an oral answer (which would be late after 1 day).
            p.editUntyped(5, "T12:00:00+03:00", false);
            expectedLate.add(p.editUntyped(8, "T09:00:00+03:00", true));
            names.put("oralLate", p.lastLateStudentName);
            ObjectNode tenth = classNode(tree, "10a");
            Picker q = new Picker(tenth);
            q.edit("КР", 10, "T23:59:00+03:00", false);
            expectedLate.add(q.edit("КР", 11, "T00:01:00+03:00", true));
            expectedLate.add(q.edit("У", 2, "T08:00:00+03:00", true));
            q.edit("У", 1, "T22:00:00+03:00", false);
        });
        close(snapshot);

        Cli.Result json = ok("report", "control", "--school", "ctl-000", "--year", "2024/2025", "--period", "Q2",
                "--json");
        Cli.Result half = ok("report", "control", "--school", "ctl-000", "--year", "2024/2025", "--period", "H1",
                "--json");

        List<JsonNode> findings = new ArrayList<>(lines(json.out()));
        findings.addAll(lines(half.out()));
        List<String> late = findings.stream().filter(f -> f.get("kind").asString().equals("late-mark"))
                .map(f -> f.get("studentId").asString() + "@" + f.get("lessonId").asString()).toList();
        assertThat(late).containsExactlyInAnyOrderElementsOf(expectedLate);
        assertThat(expectedLate).hasSize(6);
        JsonNode first = findings.stream().filter(f -> f.get("kind").asString().equals("late-mark")).findFirst()
                .orElseThrow();
        assertThat(first.propertyNames()).startsWith("kind", "classId", "className", "period", "studentId",
                "studentName", "lessonId", "lessonDate", "lessonNumber", "subject", "subjectName", "workType")
                .contains("enteredAt", "dueAt");
        assertThat(findings.stream().filter(f -> f.get("kind").asString().equals("late-mark")
                && f.get("workType").isNull())).singleElement()
                .satisfies(f -> assertThat(f.get("work").asString()).isEqualTo("written"));
        assertThat(findings).as("seed 000: no final-mark deadline, every final mark present, every lesson has a topic")
                .noneMatch(f -> Set.of("late-final-mark", "missing-final-mark", "no-topic")
                        .contains(f.get("kind").asString()));
        assertThat(findings).filteredOn(f -> f.get("kind").asString().equals("no-homework"))
                .allSatisfy(f -> assertThat(f.get("classId").asString()).isNotEqualTo("1a"));

        Cli.Result text = ok("report", "control", "--school", "ctl-000", "--year", "2024/2025", "--period", "Q2",
                "--class", "5a");
        assertThat(text.out()).contains("5А, 2 четверть: отметка за устный ответ выставлена поздно — "
                + names.get("oralLate") + ", ").contains(", выставлена ").contains("срок — до конца ")
                .contains("отметка за письменную работу (вид работы не указан) выставлена поздно")
                .doesNotContain("st-0").doesNotContain("5a-l").doesNotContain("t-00").doesNotContain("ctl-000");
    }

    @Test
    void underSeed004MarksAreDueBy19AndFinalMarksTwoDaysBeforeTheEndWithThreeMarksAtLeast() throws Exception {
        Set<String> expectedLate = new HashSet<>();
        String[] finals = new String[2];
        String[] few = new String[1];
        Path snapshot = Snapshots.mutate(EXAMPLE, tmp.resolve("ctl-004.json"), tree -> {
            ((ObjectNode) tree.get("school")).put("id", "ctl-004");
            allOnTime(tree, "+07:00");
            ObjectNode fifth = classNode(tree, "5a");
            Picker p = new Picker(fifth);
            expectedLate.add(p.edit("КР", 0, "T19:01:00+07:00", true));
            p.edit("КР", 0, "T18:59:00+07:00", false);
            expectedLate.add(p.edit("У", 0, "T12:01:00+00:00", true)); // 19:01 in Kemerovo
            JsonNode lateFinal = fifth.get("finalMarks").get(0);
            ((ObjectNode) lateFinal).put("enteredAt", "2024-12-26T10:00:00+07:00");
            finals[0] = lateFinal.get("student").asString() + "/" + lateFinal.get("subject").asString();
            ((ObjectNode) fifth.get("finalMarks").get(1)).put("enteredAt", "2024-12-25T23:59:00+07:00");
            few[0] = p.leaveTwoMarks();
        });
        close(snapshot);

        List<JsonNode> findings = lines(ok("report", "control", "--school", "ctl-004", "--year", "2024/2025",
                "--period", "Q2", "--class", "5a", "--json").out());

        assertThat(findings).allSatisfy(f -> assertThat(f.get("classId").asString()).isEqualTo("5a"));
        assertThat(keys(findings, "late-mark", f -> f.get("studentId").asString() + "@"
                + f.get("lessonId").asString())).containsExactlyInAnyOrderElementsOf(expectedLate);
        assertThat(keys(findings, "late-final-mark", f -> f.get("studentId").asString() + "/"
                + f.get("subject").asString())).containsExactly(finals[0]);
        assertThat(findings.stream().filter(f -> f.get("kind").asString().equals("late-final-mark")).findFirst()
                .orElseThrow().get("dueAt").asString()).isEqualTo("2024-12-25T23:59:59+07:00");
        assertThat(keys(findings, "few-marks", f -> f.get("studentId").asString() + "/" + f.get("subject").asString()
                + ":" + f.get("count").asInt() + "<" + f.get("minimum").asInt())).containsExactly(few[0] + ":2<3");

        Cli.Result text = ok("report", "control", "--school", "ctl-004", "--year", "2024/2025", "--period", "Q2",
                "--class", "5a");
        assertThat(text.out()).contains("срок — до 19:00 ").contains("итоговая отметка за период выставлена поздно")
                .contains("мало текущих отметок — ").contains(": 2 при минимуме 3");
    }

    @Test
    void badOptionsAreRefusedInRussianNamingTheOption() throws Exception {
        close(Snapshots.mutate(EXAMPLE, tmp.resolve("ctl-bad.json"),
                tree -> ((ObjectNode) tree.get("school")).put("id", "ctl-bad")));

        refused("--school", "report", "control", "--school", "nowhere", "--year", "2024/2025", "--period", "Q2");
        refused("--year", "report", "control", "--school", "ctl-bad", "--year", "2024-2025", "--period", "Q2");
        refused("--period", "report", "control", "--school", "ctl-bad", "--year", "2024/2025", "--period", "Q5");
        refused("--class", "report", "control", "--school", "ctl-bad", "--year", "2024/2025", "--period", "Q2",
                "--class", "7z");
        refused("--school", "report", "control", "--year", "2024/2025", "--period", "Q2");
        Cli.Result help = ok("report", "control", "--help");
        assertThat(help.out()).contains("Контроль ведения журнала за период").contains("Учебный год")
                .contains("--json").contains("Код выхода 0 и при замечаниях");
        assertThat(ok("--help").out()).contains("report").contains("Отчёты заместителя директора");
        Cli.Result nothing = cli.run("report", "control", "--school", "ctl-bad", "--year", "2024/2025", "--period",
                "Q3");
        assertThat(nothing.exitCode()).isEqualTo(2);
        assertThat(nothing.err()).contains("3 четверть").contains("нет ни одного журнала");
    }

    // ---- snapshot editing ----

    /** Every mark entered at 12:00 of its lesson's day, every final mark on 20.12.2024 at 12:00, at an offset. */
    private static void allOnTime(ObjectNode tree, String offset) {
        for (JsonNode c : tree.get("classes")) {
            Map<String, String> dates = lessonDates(c);
            for (JsonNode m : c.get("marks")) {
                ((ObjectNode) m).put("enteredAt", dates.get(m.get("lesson").asString()) + "T12:00:00" + offset);
            }
            for (JsonNode f : c.get("finalMarks")) {
                ((ObjectNode) f).put("enteredAt", "2024-12-20T12:00:00" + offset);
            }
        }
    }

    private static Map<String, String> lessonDates(JsonNode c) {
        Map<String, String> dates = new HashMap<>();
        c.get("lessons").forEach(l -> dates.put(l.get("id").asString(), l.get("date").asString()));
        return dates;
    }

    private static ObjectNode classNode(ObjectNode tree, String classId) {
        for (JsonNode c : tree.get("classes")) {
            if (c.get("id").asString().equals(classId)) {
                return (ObjectNode) c;
            }
        }
        throw new IllegalStateException(classId);
    }

    /**
     * Picks marks of a class to move, each the only mark of its pupil in its lesson, never twice the same pupil and
     * lesson, with the lesson early enough that the new moment is before the export.
     */
    private static final class Picker {
        private final ObjectNode schoolClass;
        private final Map<String, String> dates;
        private final Map<String, Integer> perPair = new HashMap<>();
        private final Set<String> used = new HashSet<>();
        String lastLateStudentName;

        Picker(ObjectNode schoolClass) {
            this.schoolClass = schoolClass;
            this.dates = lessonDates(schoolClass);
            schoolClass.get("marks").forEach(m -> perPair.merge(pair(m), 1, Integer::sum));
        }

        String edit(String workType, int days, String time, boolean late) {
            return move(m -> workType.equals(m.path("workType").asString(null)), null, days, time, late);
        }

        String editUntyped(int days, String time, boolean late) {
            return move(m -> !"У".equals(m.path("workType").asString(null)), "untyped", days, time, late);
        }

        private String move(Predicate<JsonNode> which, String untyped, int days, String time, boolean late) {
            for (JsonNode m : schoolClass.get("marks")) {
                String pair = pair(m);
                LocalDate day = LocalDate.parse(dates.get(m.get("lesson").asString()));
                if (which.test(m) && perPair.get(pair) == 1 && used.add(pair)
                        && day.isBefore(LocalDate.of(2024, 11, 20))) {
                    ((ObjectNode) m).put("enteredAt", day.plusDays(days) + time);
                    if (untyped != null) {
                        ((ObjectNode) m).putNull("workType");
                    }
                    if (late && lastLateStudentName == null) {
                        lastLateStudentName = studentName(m.get("student").asString());
                    }
                    return m.get("student").asString() + "@" + m.get("lesson").asString();
                }
            }
            throw new IllegalStateException("no mark left to edit");
        }

        /** Keeps two scale marks of one pupil in one subject (dropping the others): returns «pupil/subject». */
        String leaveTwoMarks() {
            Map<String, String> subjects = new HashMap<>();
            schoolClass.get("lessons").forEach(l -> subjects.put(l.get("id").asString(), l.get("subject").asString()));
            Set<String> usedPupilSubjects = new HashSet<>();
            used.forEach(pair -> usedPupilSubjects.add(pair.substring(0, pair.indexOf('@')) + "/"
                    + subjects.get(pair.substring(pair.indexOf('@') + 1))));
            JsonNode target = null;
            for (JsonNode m : schoolClass.get("marks")) {
                String student = m.get("student").asString();
                boolean present = false;
                for (JsonNode s : schoolClass.get("students")) {
                    present |= s.get("id").asString().equals(student) && !s.hasNonNull("left");
                }
                if (present && !usedPupilSubjects.contains(student + "/" + subjects.get(m.get("lesson").asString()))) {
                    target = m;
                    break;
                }
            }
            String student = target.get("student").asString();
            String subject = subjects.get(target.get("lesson").asString());
            var marks = (tools.jackson.databind.node.ArrayNode) schoolClass.get("marks");
            int kept = 0;
            for (int i = marks.size() - 1; i >= 0; i--) {
                JsonNode m = marks.get(i);
                if (m.get("student").asString().equals(student)
                        && subjects.get(m.get("lesson").asString()).equals(subject)) {
                    boolean numeric = m.get("value").asString().matches("[1-5]");
                    if (numeric && kept < 2) {
                        kept++;
                    } else {
                        marks.remove(i);
                    }
                }
            }
            return student + "/" + subject;
        }

        private String studentName(String id) {
            for (JsonNode s : schoolClass.get("students")) {
                if (s.get("id").asString().equals(id)) {
                    return s.get("fullName").asString();
                }
            }
            return id;
        }

        private static String pair(JsonNode m) {
            return m.get("student").asString() + "@" + m.get("lesson").asString();
        }
    }

    // ---- CLI ----

    private void close(Path snapshot) {
        ok("close", snapshot.toString());
    }

    private static List<JsonNode> lines(String out) {
        return out.lines().filter(l -> !l.isBlank()).map(l -> (JsonNode) Snapshots.JSON.readTree(l)).toList();
    }

    private static List<String> keys(List<JsonNode> findings, String kind,
            java.util.function.Function<JsonNode, String> key) {
        return findings.stream().filter(f -> f.get("kind").asString().equals(kind)).map(key).toList();
    }

    private Cli.Result ok(String... args) {
        Cli.Result result = cli.run(args);
        assertThat(result.exitCode()).as(String.join(" ", args) + "\n" + result.out() + result.err()).isZero();
        return result;
    }

    private void refused(String option, String... args) {
        Cli.Result result = cli.run(args);
        assertThat(result.exitCode()).as(String.join(" ", args)).isEqualTo(2);
        assertThat(result.err()).as(String.join(" ", args)).contains(option).containsPattern("[А-Яа-я]");
    }
}
