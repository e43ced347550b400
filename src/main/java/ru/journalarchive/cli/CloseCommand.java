package ru.journalarchive.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import ru.journalarchive.archiving.ImportResult;
import ru.journalarchive.archiving.IncompleteCloses;
import ru.journalarchive.archiving.SnapshotIntake;
import ru.journalarchive.freezing.JournalFreezer;
import ru.journalarchive.freezing.JournalSupplement;
import ru.journalarchive.freezing.RetroactiveChangeReport;
import ru.journalarchive.jobs.JobRun;
import ru.journalarchive.jobs.PeriodCloseLauncher;
import ru.journalarchive.jobs.YearCloseLauncher;
import ru.journalarchive.registry.DocumentRegistry;
import ru.journalarchive.registry.ImportedSnapshot;
import ru.journalarchive.registry.SnapshotImports;
import ru.journalarchive.snapshot.SnapshotRejectedException;
import ru.journalarchive.storage.StorageLocations;
import ru.journalarchive.text.RussianPlural;

/**
 * {@code close <snapshot.json>}: imports the snapshot if needed and closes every class, showing progress per class
 * and a summary with where the PDFs are. Exit 0 when every class is closed (a re-close that only adds exam, final or
 * year marks is accepted as a supplement), 2 for a rejected snapshot or a refused
 * override, 3 when a re-close was refused as a retroactive change, 4 when a class was refused as incomplete (period
 * not ended by the export, final or year marks missing), 1 when the job failed (run {@code close} again to resume).
 * Precedence when several apply: 1, then 4, then 3. With {@code --override-incomplete CLASS --reason R --by NAME} (one
 * class per run) a class the previous run refused as incomplete is closed anyway, the decision recorded.
 */
@Component
@Scope("prototype") // options must not carry over between runs in one process
@Command(name = "close", mixinStandardHelpOptions = true, resourceBundle = "i18n.cli")
class CloseCommand implements Callable<Integer> {

    static final int RETROACTIVE_CHANGES = 3;
    /** Exit code when a class was refused as incomplete (period not ended, final or year marks missing). */
    static final int INCOMPLETE = 4;

    @Parameters(index = "0", paramLabel = "SNAPSHOT", descriptionKey = "snapshot.file")
    Path file;

    @Option(names = "--override-incomplete", paramLabel = "CLASS", descriptionKey = "close.overrideIncomplete")
    String overrideClass;

    @Option(names = "--reason", paramLabel = "TEXT", descriptionKey = "close.overrideReason")
    String reason;

    @Option(names = "--by", paramLabel = "NAME", descriptionKey = "close.overrideBy")
    String by;

    private final SnapshotIntake intake;
    private final PeriodCloseLauncher launcher;
    private final SnapshotImports imports;
    private final DocumentRegistry registry;
    private final StorageLocations locations;
    private final JournalFreezer freezer;
    private final CloseProgress progress;
    private final Messages messages;
    private final YearCloseLauncher yearClose;
    private final YearCloseReport yearCloseReport;
    private final IncompleteCloses incomplete;

    CloseCommand(SnapshotIntake intake, PeriodCloseLauncher launcher, SnapshotImports imports,
            DocumentRegistry registry, StorageLocations locations, JournalFreezer freezer, CloseProgress progress,
            Messages messages, YearCloseLauncher yearClose, YearCloseReport yearCloseReport,
            IncompleteCloses incomplete) {
        this.incomplete = incomplete;
        this.yearClose = yearClose;
        this.yearCloseReport = yearCloseReport;
        this.intake = intake;
        this.launcher = launcher;
        this.imports = imports;
        this.registry = registry;
        this.locations = locations;
        this.freezer = freezer;
        this.progress = progress;
        this.messages = messages;
    }

    @Override
    public Integer call() {
        if (overrideClass != null || reason != null || by != null) {
            Integer refused = recordOverride();
            if (refused != null) {
                return refused;
            }
        }
        ImportResult imported;
        try {
            imported = intake.importFile(file);
        } catch (SnapshotRejectedException e) {
            ImportCommand.printRejection(System.err, messages, file, e);
            return ImportCommand.REJECTED;
        }
        ImportCommand.print(System.out, messages, imported);
        progress.start(imported.snapshot().id(), imported.snapshot().classes().size());
        JobRun run;
        try {
            run = launcher.close(imported.snapshot().id());
        } finally {
            progress.stop();
        }
        ImportedSnapshot after = imports.get(imported.snapshot().id());
        int code = summarise(after, run);
        if (!run.completed()) {
            return code;
        }
        // The snapshot closed the last period of the year: the summary statements follow (yearCloseJob).
        var yearRun = yearClose.closeIfLastPeriod(after.id());
        if (yearRun.isEmpty()) {
            return code;
        }
        int yearCode = yearCloseReport.print(after.schoolId(), after.academicYear(), yearRun.get(), System.out,
                System.err);
        return yearCode == 1 ? 1 : Math.max(code, yearCode);
    }

    /** Records the deputy's override before the close runs; an exit code when it is refused (nothing written). */
    private Integer recordOverride() {
        if (overrideClass == null || overrideClass.isBlank()) {
            return badOverride("--override-incomplete", messages.get("completeness.override.classRequired"));
        }
        if (reason == null || reason.isBlank()) {
            return badOverride("--reason", messages.get("completeness.override.reasonRequired"));
        }
        if (by == null || by.isBlank()) {
            return badOverride("--by", messages.get("completeness.override.byRequired"));
        }
        java.util.Optional<ImportedSnapshot> earlier;
        try {
            earlier = intake.importedBefore(file);
        } catch (SnapshotRejectedException e) {
            ImportCommand.printRejection(System.err, messages, file, e);
            return ImportCommand.REJECTED;
        }
        if (earlier.isEmpty()) {
            return badOverride("--override-incomplete", messages.get("completeness.override.notClosedYet"));
        }
        try {
            var override = incomplete.override(earlier.get().id(), overrideClass, reason, by);
            System.out.println(messages.get("completeness.override.recorded", override.className(),
                    override.overriddenBy(), override.reason()));
            return null;
        } catch (IncompleteCloses.OverrideRefused e) {
            String option = switch (e.field()) {
                case "reason" -> "--reason";
                case "by" -> "--by";
                default -> "--override-incomplete";
            };
            return badOverride(option, e.text(messages.source()));
        }
    }

    private int badOverride(String option, String reasonText) {
        System.err.println(messages.get("completeness.override.refused", option, reasonText));
        return ParameterErrors.BAD_INPUT;
    }

    private int summarise(ImportedSnapshot snapshot, JobRun run) {
        var out = System.out;
        if (run.alreadyComplete()) {
            out.println(messages.get("close.alreadyComplete"));
        }
        long closed = count(snapshot, ImportedSnapshot.CloseStatus.CLOSED);
        long already = count(snapshot, ImportedSnapshot.CloseStatus.ALREADY_CLOSED);
        long refused = count(snapshot, ImportedSnapshot.CloseStatus.REFUSED_RETROACTIVE_CHANGE);
        long pending = count(snapshot, ImportedSnapshot.CloseStatus.PENDING)
                + count(snapshot, ImportedSnapshot.CloseStatus.FAILED);
        long destroyed = count(snapshot, ImportedSnapshot.CloseStatus.REFUSED_DESTROYED);
        out.println();
        out.println(messages.get("close.summary", closed, already, refused, pending));
        if (destroyed > 0) {
            out.println(messages.get("close.destroyed", destroyed));
        }
        out.println(messages.get("close.locations"));
        locations.all().forEach(l -> out.println("  " + l.name() + ": " + l.description()));
        out.println(messages.get("close.pdfs"));
        for (ImportedSnapshot.ImportedClass c : snapshot.classes()) {
            if (c.documentId() == null) {
                continue;
            }
            var document = registry.get(c.documentId());
            var pdf = document.object(ru.journalarchive.registry.ArchivedDocument.ROLE_PDF).orElseThrow();
            out.println("  " + messages.get("close.pdfLine", c.className(), document.pageCount()));
            pdf.replicas().forEach(r -> out.println("      " + locations.get(r.location()).describe(r.key())));
        }
        if (count(snapshot, ImportedSnapshot.CloseStatus.SUPPLEMENTED) > 0) {
            printSupplements(snapshot);
        }
        if (refused > 0) {
            printRetroactiveChanges(freezer.retroactiveChanges(snapshot.id()));
        }
        long incompleteClasses = snapshot.classes().stream().filter(c -> c.status().incomplete()).count();
        if (incompleteClasses > 0) {
            printIncomplete(snapshot);
        }
        if (!run.completed()) {
            System.err.println(messages.get("close.failed", run.status(), pending));
            snapshot.classes().stream().filter(c -> c.status() == ImportedSnapshot.CloseStatus.FAILED)
                    .forEach(c -> System.err.println(messages.get("close.failedClass", c.className(), c.message())));
            run.failures().forEach(f -> System.err.println("  " + f));
            System.err.println(messages.get("close.resume", file.toString()));
            return 1;
        }
        return incompleteClasses > 0 ? INCOMPLETE : refused > 0 ? RETROACTIVE_CHANGES : 0;
    }

    /** «5А, 2 четверть: не закрыт — нет итоговых отметок:» and one line per pupil — subject, per refused class. */
    private void printIncomplete(ImportedSnapshot snapshot) {
        var err = System.err;
        err.println();
        for (ImportedSnapshot.ImportedClass c : snapshot.classes()) {
            if (!c.status().incomplete()) {
                continue;
            }
            List<String> lines = incomplete.describe(snapshot, c);
            err.println(messages.get("completeness.cli.class", c.className(), periodName(snapshot, c),
                    lines.get(0)));
            lines.stream().skip(1).forEach(l -> err.println("    " + l));
        }
        err.println(messages.get("completeness.cli.hint", file.toString()));
    }

    private String periodName(ImportedSnapshot snapshot, ImportedSnapshot.ImportedClass c) {
        return incomplete.periodName(snapshot, c.classId());
    }

    /** «11А, 2 полугодие: принято дополнение — 24 итоговые отметки (экзамен, итоговая)», one line per class. */
    private void printSupplements(ImportedSnapshot snapshot) {
        System.out.println();
        System.out.println(messages.get("close.supplement.header"));
        for (JournalSupplement supplement : freezer.supplements(snapshot.id())) {
            String className = snapshot.classes().stream().filter(c -> c.classId().equals(supplement.classId()))
                    .map(ImportedSnapshot.ImportedClass::className).findFirst().orElse(supplement.classId());
            String periodName = freezer.get(supplement.newFrozenJournalId()).orElseThrow().journal().schoolClass()
                    .period().name();
            int n = supplement.marks().size();
            String kinds = String.join(", ", supplement.kinds().stream()
                    .map(k -> messages.get("close.supplement.kind." + k)).toList());
            System.out.println("  " + messages.get("close.supplement.class", className, periodName, n,
                    messages.get("close.supplement.marks." + RussianPlural.of(n).key()), kinds,
                    supplement.newVersion()));
        }
    }

    private void printRetroactiveChanges(List<RetroactiveChangeReport> reports) {
        var err = System.err;
        err.println();
        err.println(messages.get("close.retroactive.header"));
        for (RetroactiveChangeReport report : reports) {
            err.println(messages.get("close.retroactive.class", report.classId(), report.periodId(),
                    report.changes().size()));
            report.changes().forEach(c -> err.println("    " + RetroactiveChangeText.describe(messages, c)));
        }
    }

    private static long count(ImportedSnapshot snapshot, ImportedSnapshot.CloseStatus status) {
        return snapshot.classes().stream().filter(c -> c.status() == status).count();
    }
}
