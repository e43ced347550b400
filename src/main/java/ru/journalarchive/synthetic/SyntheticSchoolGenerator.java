package ru.journalarchive.synthetic;

import java.io.OutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a valid, realistic and entirely fictional {@code journal-snapshot/1} of a school, deterministic for a seed:
 * grades 1–11 (quarters for 1–9, half-years for 10–11), a federal-style curriculum per grade, about five lessons a
 * day per class, marks as dense as in a real journal, absences, foreign-language groups, substitute lessons, pupils
 * arriving and leaving, and final marks (with the year's marks when the fourth quarter closes). With
 * {@link Options#college} it writes a technical college instead: study groups of courses 1–4 (marks from course 1),
 * semesters H1 (September–December) and H2 (January–June), {@code school.kind} «college» and {@code lastCourse}. The JSON is
 * streamed one class at a time, so schools of 10,000+ pupils never sit in memory whole.
 */
public final class SyntheticSchoolGenerator {

    /**
     * What to generate.
     *
     * @param pupils        how many pupils the school has (about 25 per class); ignored when classes are given
     * @param seed          the seed: equal options give byte-identical output
     * @param schoolId      the school's id; a number in it becomes the school's number («СОШ № 7» for sosh-7)
     * @param academicYear  e.g. {@code 2024/2025}
     * @param quarterPeriod the quarter that closes, {@code Q1}–{@code Q4}; grades 10–11 take H1 for Q1/Q2 and H2
     *                      for Q3/Q4 (with lessons up to the quarter's end, and final marks when the half-year ends);
     *                      a college closes its semesters H1 at Q2 and H2 at Q4 only
     * @param college       a college ({@code school.kind} «college»): study groups of courses 1–4 with semesters
     */
    public record Options(int pupils, long seed, String schoolId, String academicYear, String quarterPeriod,
            boolean college) {

        /** A school's options. */
        public Options(int pupils, long seed, String schoolId, String academicYear, String quarterPeriod) {
            this(pupils, seed, schoolId, academicYear, quarterPeriod, false);
        }

        /** A college's options: {@code semester} H1 (autumn) or H2 (spring, the year's end). */
        public static Options college(int pupils, long seed, String schoolId, String academicYear, String semester) {
            if (!"H1".equals(semester) && !"H2".equals(semester)) {
                throw new IllegalArgumentException("a college's semester must be H1 or H2: " + semester);
            }
            return new Options(pupils, seed, schoolId, academicYear, "H1".equals(semester) ? "Q2" : "Q4", true);
        }

        public Options {
            if (pupils < 1) {
                throw new IllegalArgumentException("pupils must be at least 1: " + pupils);
            }
            Objects.requireNonNull(schoolId, "schoolId");
            if (!Objects.requireNonNull(academicYear, "academicYear").matches("[0-9]{4}/[0-9]{4}")) {
                throw new IllegalArgumentException("academicYear must look like 2024/2025: " + academicYear);
            }
            if (!Objects.requireNonNull(quarterPeriod, "quarterPeriod").matches("Q[1-4]")) {
                throw new IllegalArgumentException("quarterPeriod must be Q1–Q4: " + quarterPeriod);
            }
            if (college && !quarterPeriod.equals("Q2") && !quarterPeriod.equals("Q4")) {
                throw new IllegalArgumentException("a college closes semesters only, at Q2 or Q4: " + quarterPeriod);
            }
        }

        SchoolCalendar calendar() {
            int firstYear = Integer.parseInt(academicYear.substring(0, 4));
            return college ? SchoolCalendar.college(firstYear) : new SchoolCalendar(firstYear);
        }
    }

    /**
     * One class to generate, for a hand-chosen school layout.
     *
     * @param name        the class name, e.g. {@code 5А}
     * @param grade       1–11
     * @param pupils      how many pupils
     * @param maxSubjects keep only the first (most important) subjects of the grade's curriculum; 0 keeps all
     */
    public record ClassSpec(String name, int grade, int pupils, int maxSubjects) {
    }

    private static final List<String> TOWNS = List.of("Верхнеозёрск", "Усть-Кедровск", "Малиновогорск",
            "Ясноборск", "Новоключинск", "Тихоречье");

    private SyntheticSchoolGenerator() {
    }

    /**
     * Writes a school of {@code options.pupils()} pupils spread over grades 1–11 (a college's over courses 1–4), as
     * compact JSON.
     */
    public static void write(Options options, OutputStream out) {
        write(options, layout(options), false, out);
    }

    /**
     * Writes a school with exactly the given classes, compact or laid out for people ({@code pretty}); after Q1 or Q3
     * the half-year classes (10–11) are complete as of their half-year's end, and the snapshot is exported after it.
     */
    public static void write(Options options, List<ClassSpec> classes, boolean pretty, OutputStream out) {
        Random random = new Random(options.seed());
        SchoolCalendar calendar = options.calendar();
        int quarter = options.quarterPeriod().charAt(1) - '0';
        LocalDate closing = calendar.quarter(quarter).end();
        SchoolPlan plan = new SchoolPlan(classes, random, options.college());
        JournalPrettyPrinter printer = pretty ? new JournalPrettyPrinter() : null;
        ObjectWriter writer = pretty ? JsonMapper.shared().writer().with(printer) : JsonMapper.shared().writer();
        // Exported three days after the last period it carries has ended (a half-year may end after the quarter).
        LocalDate exportDay = closing;
        for (SchoolPlan.PlannedClass planned : plan.classes) {
            LocalDate end = (planned.grade() >= 10 ? calendar.half(quarter <= 2 ? 1 : 2) : calendar.quarter(quarter))
                    .end();
            exportDay = end.isAfter(exportDay) ? end : exportDay;
        }
        try (JsonGenerator g = writer.createGenerator(out)) {
            SnapshotJson json = new SnapshotJson(g, printer);
            json.begin(school(options, random), options.academicYear(), exportDay.plusDays(3), plan);
            int pupilNumber = 1;
            for (SchoolPlan.PlannedClass planned : plan.classes) {
                boolean half = planned.halfYears();
                SchoolCalendar.Term period = half ? calendar.half(quarter <= 2 ? 1 : 2) : calendar.quarter(quarter);
                // A half-year still running at the quarter's end (Q1, Q3) is sent complete, as of its own end (the
                // export is made after it): a period not ended, or without final marks, would be refused.
                LocalDate classClosing = period.end().isAfter(closing) ? period.end() : closing;
                Random classRandom = new Random(options.seed() * 1_000_003L + planned.index());
                ClassContent content = new ClassGenerator(planned, plan, calendar, period, classClosing, classRandom)
                        .generate(pupilNumber, calendar.firstDay(), true, quarter == 4 || period.id().equals("H2"),
                                classClosing);
                json.schoolClass(content);
                pupilNumber += planned.pupils();
            }
            json.end();
        }
    }

    /**
     * Writes the snapshot of the closing date after quarter {@code options.quarterPeriod()} of a school's consistent
     * year (see {@link YearOfSnapshots}): Q1 and Q3 carry grades 1–9 only, Q2 adds H1 and Q4 adds H2 of grades 10–11;
     * every snapshot repeats the earlier periods' final marks unchanged, the last adds the year's (and for grades 9
     * and 11 exam and final) marks. Equal options give byte-identical output.
     */
    public static void writeYear(Options options, List<ClassSpec> classes, boolean pretty, OutputStream out) {
        Random random = new Random(options.seed());
        SchoolCalendar calendar = options.calendar();
        int quarter = options.quarterPeriod().charAt(1) - '0';
        LocalDate closing = calendar.quarter(quarter).end();
        SchoolPlan plan = new SchoolPlan(classes, random, options.college());
        YearOfSnapshots year = new YearOfSnapshots(plan, calendar, options.seed());
        JournalPrettyPrinter printer = pretty ? new JournalPrettyPrinter() : null;
        ObjectWriter writer = pretty ? JsonMapper.shared().writer().with(printer) : JsonMapper.shared().writer();
        try (JsonGenerator g = writer.createGenerator(out)) {
            SnapshotJson json = new SnapshotJson(g, printer);
            json.begin(school(options, random), options.academicYear(), closing.plusDays(3), plan);
            int pupilNumber = 1;
            for (SchoolPlan.PlannedClass planned : plan.classes) {
                if (YearOfSnapshots.closesAt(planned, quarter)) {
                    json.schoolClass(year.content(planned, pupilNumber, quarter));
                }
                pupilNumber += planned.pupils();
            }
            json.end();
        }
    }

    /** {@link #writeYear(Options, List, boolean, OutputStream)} for the usual layout of {@code options.pupils()}. */
    public static void writeYear(Options options, OutputStream out) {
        writeYear(options, layout(options), false, out);
    }

    private static List<ClassSpec> layout(Options options) {
        return options.college() ? collegeLayout(options.pupils()) : layout(options.pupils());
    }

    /**
     * About 25 students a group, at least one group per course 1–4, parallel groups numbered: ТМ-11, ТМ-12 … for
     * course 1, ТМ-21 … for course 2 (the specialty «Технология машиностроения»).
     */
    static List<ClassSpec> collegeLayout(int pupils) {
        int count = Math.max(SnapshotJson.COLLEGE_LAST_COURSE, (int) Math.round(pupils / 25.0));
        List<ClassSpec> groups = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            int course = 1 + k * SnapshotJson.COLLEGE_LAST_COURSE / count;
            int parallel = (int) groups.stream().filter(g -> g.grade() == course).count();
            int size = Math.max(1, pupils / count + (k < pupils % count ? 1 : 0));
            groups.add(new ClassSpec("ТМ-" + course + (parallel + 1), course, size, 0));
        }
        return groups;
    }

    /** About 25 pupils a class, classes over grades 1–11 (fewer in 10–11), parallel classes lettered А, Б, В … */
    static List<ClassSpec> layout(int pupils) {
        int count = Math.max(1, (int) Math.round(pupils / 25.0));
        int[] perGrade = new int[12];
        if (count <= 11) {
            for (int k = 0; k < count; k++) {
                perGrade[count == 1 ? 5 : 1 + (int) Math.round(k * 10.0 / (count - 1))]++;
            }
        } else {
            double[] weight = {0, 1.1, 1.1, 1.1, 1.05, 1, 1, 1, 0.95, 0.95, 0.55, 0.5};
            double sum = 0;
            for (int g = 1; g <= 11; g++) {
                sum += weight[g];
            }
            int given = 0;
            double[] remainder = new double[12];
            for (int g = 1; g <= 11; g++) {
                double exact = count * weight[g] / sum;
                perGrade[g] = Math.max(1, (int) exact);
                remainder[g] = exact - (int) exact;
                given += perGrade[g];
            }
            while (given < count) {
                int best = 1;
                for (int g = 2; g <= 11; g++) {
                    best = remainder[g] > remainder[best] ? g : best;
                }
                perGrade[best]++;
                remainder[best] = -1;
                given++;
            }
        }
        List<ClassSpec> classes = new ArrayList<>();
        int made = 0;
        for (int g = 1; g <= 11; g++) {
            for (int k = 0; k < perGrade[g]; k++) {
                int size = pupils / count + (made < pupils % count ? 1 : 0);
                classes.add(new ClassSpec(SchoolPlan.className(g, k), g, size, 0));
                made++;
            }
        }
        return classes;
    }

    private static SnapshotJson.School school(Options options, Random random) {
        if (options.college()) {
            return college(options, random);
        }
        Matcher digits = Pattern.compile("[0-9]+").matcher(options.schoolId());
        // A school number from the id («sosh-24» → № 24) when it looks like one, otherwise a made-up one.
        String number = digits.find() && digits.group().length() <= 3
                ? String.valueOf(Integer.parseInt(digits.group()))
                : String.valueOf(1 + random.nextInt(60));
        String town = TOWNS.get(Math.floorMod(options.schoolId().hashCode(), TOWNS.size()));
        return new SnapshotJson.School(options.schoolId(),
                "Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № "
                        + number + "»",
                "МБОУ «СОШ № " + number + "»", town, Names.fullName(random, random.nextDouble() < 0.7), null);
    }

    private static SnapshotJson.School college(Options options, Random random) {
        Matcher digits = Pattern.compile("[0-9]+").matcher(options.schoolId());
        String number = digits.find() && digits.group().length() <= 3
                ? String.valueOf(Integer.parseInt(digits.group()))
                : String.valueOf(1 + random.nextInt(30));
        String town = TOWNS.get(Math.floorMod(options.schoolId().hashCode(), TOWNS.size()));
        return new SnapshotJson.School(options.schoolId(),
                "Государственное бюджетное профессиональное образовательное учреждение «Политехнический колледж № "
                        + number + "»",
                "ГБПОУ «ПК № " + number + "»", town, Names.fullName(random, random.nextDouble() < 0.5), "college");
    }
}
