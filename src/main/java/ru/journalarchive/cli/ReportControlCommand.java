package ru.journalarchive.cli;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import ru.journalarchive.archiving.ClassArchiver;
import ru.journalarchive.freezing.ControlFinding;
import ru.journalarchive.freezing.ControlFinding.Kind;
import ru.journalarchive.freezing.ControlTexts;
import ru.journalarchive.freezing.JournalControl;
import ru.journalarchive.freezing.JournalFreezer;
import ru.journalarchive.regulations.RegulationProfile;
import ru.journalarchive.regulations.Regulations;
import ru.journalarchive.registry.ArchivedDocument;
import ru.journalarchive.registry.DocumentQuery;
import ru.journalarchive.registry.DocumentRegistry;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code report control --school S --year Y --period P [--class C] [--json]}: the control report of a period's
 * archived class journals (the latest frozen version of each) under the school's regulation profile — late marks,
 * late final marks, too few marks, missing final marks, lessons without topic or homework
 * ({@code archive-format/control-report.md}). Exit 0 with or without findings (findings are not errors); 2 for bad
 * options or when nothing of that period is archived.
 */
@Component
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE) // fresh option values on every run in one JVM (tests, serve)
@Command(name = "control", mixinStandardHelpOptions = true, resourceBundle = "i18n.control")
class ReportControlCommand implements Callable<Integer> {

    /** Exit code of bad options or of a period with nothing archived. */
    static final int REFUSED = 2;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The keys of each kind, in the fixed order of {@link #KEYS}. */
    private static final Map<Kind, Set<String>> APPLICABLE = Map.of(
            Kind.LATE_MARK, Set.of("studentId", "studentName", "lessonId", "lessonDate", "lessonNumber", "workType",
                    "work", "value", "enteredAt", "enteredBy", "enteredByName", "dueAt"),
            Kind.LATE_FINAL_MARK, Set.of("studentId", "studentName", "value", "enteredAt", "enteredBy",
                    "enteredByName", "dueAt"),
            Kind.FEW_MARKS, Set.of("studentId", "studentName", "count", "minimum"),
            Kind.MISSING_FINAL_MARK, Set.of("studentId", "studentName"),
            Kind.NO_TOPIC, Set.of("lessonId", "lessonDate", "lessonNumber", "teacher", "teacherName"),
            Kind.NO_HOMEWORK, Set.of("lessonId", "lessonDate", "lessonNumber", "teacher", "teacherName"));

    /** Every key in the order printed; the common ones first. */
    private static final Map<String, Function<ControlFinding, Object>> KEYS = keys();

    @Option(names = "--school", required = true, descriptionKey = "report.option.school")
    String school;
    @Option(names = "--year", required = true, descriptionKey = "report.option.year")
    String year;
    @Option(names = "--period", required = true, descriptionKey = "report.option.period")
    String period;
    @Option(names = "--class", descriptionKey = "report.option.class")
    String classId;
    @Option(names = "--json", descriptionKey = "report.option.json")
    boolean json;

    private final DocumentRegistry registry;
    private final JournalFreezer freezer;
    private final Regulations regulations;
    private final ControlTexts texts;
    private final Messages messages;

    ReportControlCommand(DocumentRegistry registry, JournalFreezer freezer, Regulations regulations,
            ControlTexts texts, Messages messages) {
        this.registry = registry;
        this.freezer = freezer;
        this.regulations = regulations;
        this.texts = texts;
        this.messages = messages;
    }

    @Override
    public Integer call() {
        String problem = problem();
        if (problem != null) {
            System.err.println(problem);
            return REFUSED;
        }
        List<ArchivedDocument> journals = latestJournals();
        if (journals.isEmpty()) {
            System.err.println(messages.get("report.control.nothing", school, year, periodName(period),
                    classId == null ? "" : messages.get("report.control.nothing.class", classId)));
            return REFUSED;
        }
        RegulationProfile profile = regulations.forSchool(school);
        List<ControlFinding> findings = new ArrayList<>();
        String schoolName = school;
        for (ArchivedDocument d : journals) {
            var frozen = freezer.get(d.frozenJournalId());
            if (frozen.isPresent()) {
                var journal = frozen.get().journal();
                findings.addAll(JournalControl.of(journal, profile).findings());
                schoolName = journal.school().shortName() != null ? journal.school().shortName()
                        : journal.school().name();
            }
        }
        findings.sort(Comparator.comparing(ControlFinding::kind)); // stable: each class's own order kept
        if (json) {
            findings.forEach(f -> System.out.println(JSON.writeValueAsString(toJson(f))));
            return 0;
        }
        System.out.println(messages.get("report.control.header", schoolName, year, periodName(period), profile.title(),
                journals.size()));
        Map<Kind, Long> counts = findings.stream().collect(java.util.stream.Collectors.groupingBy(
                ControlFinding::kind, java.util.stream.Collectors.counting()));
        Kind current = null;
        for (ControlFinding f : findings) {
            if (f.kind() != current) {
                current = f.kind();
                System.out.println(texts.kind(current) + " (" + counts.get(current) + "):");
            }
            System.out.println("  " + texts.full(f));
        }
        System.out.println(findings.isEmpty() ? messages.get("report.control.clean")
                : messages.get("report.control.total", findings.size()));
        return 0;
    }

    /** The first thing wrong with the options, in Russian naming the option, or null. */
    private String problem() {
        if (!school.matches(YearCloseCommand.ID)
                || registry.list(new DocumentQuery(school, null, null, null)).isEmpty()) {
            return messages.get("report.input.school", school);
        }
        String y = year.strip();
        if (!y.matches("\\d{4}/\\d{4}")
                || Integer.parseInt(y.substring(5)) != Integer.parseInt(y.substring(0, 4)) + 1) {
            return messages.get("report.input.year", year);
        }
        year = y;
        if (!period.strip().matches("Q[1-4]|H[12]")) {
            return messages.get("report.input.period", period);
        }
        period = period.strip();
        if (classId != null && (!classId.matches(YearCloseCommand.ID)
                || registry.list(new DocumentQuery(school, year, null, classId)).isEmpty())) {
            return messages.get("report.input.class", classId, school, year);
        }
        return null;
    }

    /** The period's archived class journals, the latest version of each class, in the registry's order. */
    private List<ArchivedDocument> latestJournals() {
        Map<String, ArchivedDocument> latest = new LinkedHashMap<>();
        for (ArchivedDocument d : registry.list(new DocumentQuery(school, year, period, classId))) {
            if (ClassArchiver.CLASS_JOURNAL.equals(d.documentType()) && d.frozenJournalId() != null) {
                latest.merge(d.classId(), d, (a, b) -> b.version() > a.version() ? b : a);
            }
        }
        return List.copyOf(latest.values());
    }

    private String periodName(String periodId) {
        try {
            return messages.get("report.period." + periodId);
        } catch (org.springframework.context.NoSuchMessageException e) {
            return periodId;
        }
    }

    private static Map<String, Function<ControlFinding, Object>> keys() {
        Map<String, Function<ControlFinding, Object>> k = new LinkedHashMap<>();
        k.put("kind", f -> f.kind().code());
        k.put("classId", ControlFinding::classId);
        k.put("className", ControlFinding::className);
        k.put("period", ControlFinding::periodId);
        k.put("studentId", ControlFinding::studentId);
        k.put("studentName", ControlFinding::studentName);
        k.put("lessonId", ControlFinding::lessonId);
        k.put("lessonDate", f -> f.lessonDate() == null ? null : f.lessonDate().toString());
        k.put("lessonNumber", ControlFinding::lessonNumber);
        k.put("subject", ControlFinding::subject);
        k.put("subjectName", ControlFinding::subjectName);
        k.put("workType", ControlFinding::workType);
        k.put("work", f -> f.oral() ? "oral" : "written");
        k.put("value", ControlFinding::value);
        k.put("enteredAt", ControlFinding::enteredAt);
        k.put("enteredBy", ControlFinding::enteredBy);
        k.put("enteredByName", ControlFinding::enteredByName);
        k.put("dueAt", f -> f.dueAt() == null ? null
                : f.dueAt().truncatedTo(ChronoUnit.SECONDS).toOffsetDateTime().toString());
        k.put("count", ControlFinding::count);
        k.put("minimum", ControlFinding::minimum);
        k.put("teacher", ControlFinding::teacher);
        k.put("teacherName", ControlFinding::teacherName);
        return k;
    }

    /** One finding as a JSON object: the common keys and those of its kind, always in the same order. */
    static Map<String, Object> toJson(ControlFinding f) {
        Set<String> common = Set.of("kind", "classId", "className", "period", "subject", "subjectName");
        Map<String, Object> m = new LinkedHashMap<>();
        KEYS.forEach((key, value) -> {
            if (common.contains(key) || APPLICABLE.get(f.kind()).contains(key)) {
                m.put(key, value.apply(f));
            }
        });
        return m;
    }
}
