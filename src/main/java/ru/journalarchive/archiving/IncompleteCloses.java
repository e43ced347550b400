package ru.journalarchive.archiving;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.journalarchive.freezing.CanonicalJson;
import ru.journalarchive.freezing.Completeness;
import ru.journalarchive.registry.CloseOverrides;
import ru.journalarchive.registry.CloseOverrides.CloseOverride;
import ru.journalarchive.registry.ImportedSnapshot;
import ru.journalarchive.registry.SnapshotImports;
import ru.journalarchive.snapshot.ClassJournal;
import tools.jackson.databind.json.JsonMapper;

/**
 * The classes the completeness gate refused: what each one lacks (worded in Russian for the CLI, the web and the
 * API) and the deputy's override that lets such a class close anyway, with a reason, recorded in the registry.
 */
@Service
public class IncompleteCloses {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final Locale RU = Locale.forLanguageTag("ru");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.yyyy", Locale.ROOT);

    private final SnapshotImports imports;
    private final CloseOverrides overrides;
    private final MessageSource messages;
    private final Clock clock;

    IncompleteCloses(SnapshotImports imports, CloseOverrides overrides, MessageSource messages,
            Optional<Clock> clock, ru.journalarchive.regulations.Regulations regulations) {
        this.regulations = regulations;
        this.imports = imports;
        this.overrides = overrides;
        this.messages = messages;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    /** The longest reason an override may give: it is printed on the journal's title page. */
    static final int MAX_REASON = 500;
    /** The longest name of who decided. */
    static final int MAX_BY = 200;

    private final ru.journalarchive.regulations.Regulations regulations;

    /** Why an override was refused: which input, and the bundle key of the Russian reason. */
    public static final class OverrideRefused extends RuntimeException {
        private final String field;
        private final String key;
        private final transient Object[] args;

        OverrideRefused(String field, String key, Object... args) {
            super(key);
            this.field = field;
            this.key = key;
            this.args = args;
        }

        /** The input at fault: {@code class}, {@code reason} or {@code by}. */
        public String field() {
            return field;
        }

        /** The reason in Russian. */
        public String text(MessageSource source) {
            return source.getMessage(key, args, RU);
        }
    }

    /** What the gate finds of a class of an import now (recomputed from the journal as accepted: deterministic). */
    public Completeness.Result check(ImportedSnapshot snapshot, String classId) {
        ClassJournal journal = CanonicalJson.read(imports.journalJson(snapshot.id(), classId));
        return Completeness.check(journal, snapshot.exportedAt());
    }

    /**
     * The Russian lines that say why a class is not closed: a heading («не закрыт — нет итоговых отметок:», or the
     * period's end against the export's date) and, for missing marks, one line per pupil × subject; empty for a class
     * not refused so.
     */
    public List<String> describe(ImportedSnapshot snapshot, ImportedSnapshot.ImportedClass c) {
        if (!c.status().incomplete()) {
            return List.of();
        }
        Completeness.Result result = check(snapshot, c.classId());
        List<String> lines = new ArrayList<>();
        lines.add(heading(c.status(), result));
        if (c.status() == ImportedSnapshot.CloseStatus.REFUSED_MISSING_FINAL_MARKS) {
            // A period not ended naturally lacks its final marks: only its dates are shown.
            lines.addAll(missingLines(result));
        }
        return lines;
    }

    /** The heading line of a refusal: «не закрыт — нет итоговых отметок:» or the period not ended with both dates. */
    public String heading(ImportedSnapshot.CloseStatus status, Completeness.Result result) {
        return status == ImportedSnapshot.CloseStatus.REFUSED_PERIOD_NOT_ENDED
                ? text("completeness.notEnded", DAY.format(result.periodEnd()),
                        result.exportedOn() == null ? "?" : DAY.format(result.exportedOn()))
                : text("completeness.missing");
    }

    /** The pupil × subject lines of a refusal, «Иванов Иван Иванович — Математика». */
    public List<String> missingLines(Completeness.Result result) {
        return result.missing().stream().map(m -> text("completeness.missing.line", m.studentName(),
                m.subjectName())).toList();
    }

    /** The name of the class's period in its journal as accepted («2 полугодие»). */
    public String periodName(ImportedSnapshot snapshot, String classId) {
        return CanonicalJson.read(imports.journalJson(snapshot.id(), classId)).schoolClass().period().name();
    }

    /** The override of a class of an import, if one was given. */
    public Optional<CloseOverride> override(UUID importId, String classId) {
        return overrides.find(importId, classId);
    }

    /** Whether a class of the import was overridden and still waits for the close that archives it. */
    public boolean awaitingClose(UUID importId) {
        return overrides.awaitingClose(importId);
    }

    /**
     * Records a deputy's override of a class refused as incomplete. Nothing is written when it is refused.
     *
     * @param classRef the class's id or name («11а» and «11А» alike)
     * @throws OverrideRefused naming the input at fault: no reason, no name, no such class, a class not refused as
     *                         incomplete, or one already overridden
     */
    @Transactional
    public CloseOverride override(UUID importId, String classRef, String reason, String by) {
        if (reason == null || reason.isBlank()) {
            throw new OverrideRefused("reason", "completeness.override.reasonRequired");
        }
        if (by == null || by.isBlank()) {
            throw new OverrideRefused("by", "completeness.override.byRequired");
        }
        if (reason.strip().length() > MAX_REASON) {
            throw new OverrideRefused("reason", "completeness.override.tooLong", MAX_REASON, reason.strip().length());
        }
        if (by.strip().length() > MAX_BY) {
            throw new OverrideRefused("by", "completeness.override.tooLong", MAX_BY, by.strip().length());
        }
        ImportedSnapshot snapshot = imports.get(importId);
        ImportedSnapshot.ImportedClass c = find(snapshot, classRef)
                .orElseThrow(() -> new OverrideRefused("class", "completeness.override.noSuchClass", classRef));
        if (!c.status().incomplete()) {
            throw new OverrideRefused("class", "completeness.override.notIncomplete", c.className(),
                    text("status." + c.status().name()));
        }
        Completeness.Result result = check(snapshot, c.classId());
        Map<String, Object> missing = new LinkedHashMap<>();
        missing.put("periodEnd", result.periodEnd().toString());
        missing.put("exportedOn", result.exportedOn() == null ? null : result.exportedOn().toString());
        missing.put("missing", result.missing());
        CloseOverride override = new CloseOverride(importId, c.classId(), c.className(), c.periodId(), c.status(),
                MAPPER.writeValueAsString(missing), reason.strip(), by.strip(),
                clock.instant().truncatedTo(ChronoUnit.MICROS));
        if (!overrides.record(override)) {
            CloseOverride earlier = overrides.find(importId, c.classId()).orElseThrow();
            throw new OverrideRefused("class", "completeness.override.already", c.className(),
                    earlier.overriddenBy(), DAY.withZone(zone(snapshot.schoolId())).format(earlier.overriddenAt()));
        }
        return override;
    }

    /** The class of the import with this id or name (case-insensitive). */
    public static Optional<ImportedSnapshot.ImportedClass> find(ImportedSnapshot snapshot, String classRef) {
        if (classRef == null || classRef.isBlank()) {
            return Optional.empty();
        }
        String ref = classRef.strip();
        return snapshot.classes().stream().filter(c -> c.classId().equals(ref)).findFirst()
                .or(() -> snapshot.classes().stream().filter(c -> c.className().equalsIgnoreCase(ref)
                        || c.classId().equalsIgnoreCase(ref)).findFirst());
    }

    /**
     * The short Russian note kept with a class refused as incomplete (the registry's close message, which the API
     * returns): the period's dates, or how many final marks are missing — no names.
     */
    String refusalNote(Completeness.Result result) {
        return result.periodEnded() ? text("completeness.note.missing", result.missing().size())
                : text("completeness.notEnded", DAY.format(result.periodEnd()),
                        result.exportedOn() == null ? "—" : DAY.format(result.exportedOn()));
    }

    /**
     * The title-page note of a class's period journal closed under an override, if it was (for its print packet).
     */
    public Optional<String> titleNote(String schoolId, String academicYear, String classId, String periodId) {
        return overrides.forClassPeriod(schoolId, academicYear, classId, periodId).map(this::titleNote);
    }

    /**
     * The title-page note of an overridden class's journal: what was incomplete, who decided, when (the school's
     * date) and why.
     */
    String titleNote(CloseOverride override) {
        String schoolId = imports.get(override.importId()).schoolId();
        return text("completeness.titleNote", override.overriddenBy(),
                DAY.withZone(zone(schoolId)).format(override.overriddenAt()), override.reason(),
                text("completeness.titleNote.kind." + override.refusedStatus().name()));
    }

    private java.time.ZoneId zone(String schoolId) {
        return regulations.forSchool(schoolId).timeZone();
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, RU);
    }
}
