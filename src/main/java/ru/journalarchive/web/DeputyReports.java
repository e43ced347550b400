package ru.journalarchive.web;

import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import ru.journalarchive.accesslog.AccessAction;
import ru.journalarchive.accesslog.AccessEntry;
import ru.journalarchive.accesslog.AccessLog;
import ru.journalarchive.freezing.ControlFinding;
import ru.journalarchive.freezing.ControlTexts;
import ru.journalarchive.freezing.JournalControl;
import ru.journalarchive.freezing.JournalFreezer;
import ru.journalarchive.freezing.RetroactiveChange;
import ru.journalarchive.freezing.RetroactiveChangeReport;
import ru.journalarchive.papercopies.DeadlineReport;
import ru.journalarchive.papercopies.PaperCopies;
import ru.journalarchive.papercopies.PaperCopy;
import ru.journalarchive.papercopies.PaperCopyException;
import ru.journalarchive.papercopies.PaperDeadlines;
import ru.journalarchive.papercopies.PrintPackets;
import ru.journalarchive.registry.ArchivedDocument;
import ru.journalarchive.registry.DocumentRegistry;
import ru.journalarchive.registry.ImportedSnapshot;
import ru.journalarchive.registry.SignatureRegistration;
import ru.journalarchive.registry.SnapshotImports;
import ru.journalarchive.regulations.RegulationProfile;
import ru.journalarchive.regulations.Regulations;
import ru.journalarchive.retrieval.DocumentRetrieval;
import ru.journalarchive.retrieval.RetrievalRefusedException;
import ru.journalarchive.security.Caller;

/**
 * The reports of a closed import's period for the deputy ({@code /deputy/imports/{id}/reports}): retroactive changes
 * refused at the close, the control report of each archived journal (from the frozen data), the five-day checklist
 * with who signed what, and the downloads: the archived PDF (verified hand-out, logged) and the print packet.
 */
@Controller
class DeputyReports {

    private static final Locale RU = Locale.forLanguageTag("ru");

    private final SnapshotImports imports;
    private final DocumentRegistry registry;
    private final JournalFreezer freezer;
    private final PaperDeadlines deadlines;
    private final PaperCopies paperCopies;
    private final PrintPackets packets;
    private final DocumentRetrieval retrieval;
    private final AccessLog accessLog;
    private final MessageSource messages;
    private final Regulations regulations;
    private final ControlTexts controlTexts;

    DeputyReports(SnapshotImports imports, DocumentRegistry registry, JournalFreezer freezer,
            PaperDeadlines deadlines, PaperCopies paperCopies, PrintPackets packets, DocumentRetrieval retrieval,
            AccessLog accessLog, MessageSource messages, Regulations regulations, ControlTexts controlTexts) {
        this.imports = imports;
        this.registry = registry;
        this.freezer = freezer;
        this.deadlines = deadlines;
        this.paperCopies = paperCopies;
        this.packets = packets;
        this.retrieval = retrieval;
        this.accessLog = accessLog;
        this.messages = messages;
        this.regulations = regulations;
        this.controlTexts = controlTexts;
    }

    /**
     * One archived class journal of the import with its control report, the director's signature and its paper
     * copies (each as a Russian line: its state and the subject teachers' signatures still missing).
     */
    record ClassReport(ImportedSnapshot.ImportedClass cls, ArchivedDocument document, ArchivedDocument.ArchivedObject pdf,
                       ControlReport control, String signature, boolean signed, List<String> copies) {
    }

    /** A journal's control report as the deputy reads it: a summary line and the findings' lines grouped by kind. */
    record ControlReport(boolean clean, String summary, List<ControlGroup> groups) {
    }

    /** The findings of one kind: its code (the CSS class), heading and Russian lines with names. */
    record ControlGroup(String code, String title, List<String> lines) {
    }

    /** The five-day checklist of one period of the school. */
    record Checklist(String header, String note, List<JournalChecklist> journals, List<StepRow> backups) {
    }

    /** One class journal's steps of the five-day close. */
    record JournalChecklist(String className, String periodEnd, List<StepRow> steps) {
    }

    /** One step: its day and due date, what it is, whether and by whom it was done. */
    record StepRow(String due, String step, String state, String badge) {
    }

    /** The retroactive changes of one class, as Russian lines. */
    record ChangeReport(String classId, String className, String periodId, List<String> lines) {
    }

    @GetMapping("/deputy/imports/{id}/reports")
    String reports(@PathVariable String id, @AuthenticationPrincipal Caller caller, Model model) {
        ImportedSnapshot s = DeputyImportPages.visible(imports, id, caller);
        List<ClassReport> classes = new ArrayList<>();
        Set<String> periods = new LinkedHashSet<>();
        for (ImportedSnapshot.ImportedClass c : s.classes()) {
            if (c.documentId() == null) {
                continue;
            }
            ArchivedDocument d = registry.get(c.documentId());
            RegulationProfile profile = regulations.forSchool(d.schoolId());
            ControlReport control = d.frozenJournalId() == null ? null : freezer.get(d.frozenJournalId())
                    .map(f -> control(JournalControl.of(f.journal(), profile))).orElse(null);
            SignatureRegistration.SignatureInfo signature = registry.signature(d.id()).orElse(null);
            classes.add(new ClassReport(c, d, d.object(ArchivedDocument.ROLE_PDF).orElse(null), control,
                    signature == null ? text("deputy.checklist.unsigned")
                            : text("deputy.checklist.signed", signature.signerSubject(),
                                    DeputyPages.shown(signature.signingTime())),
                    signature != null, paperCopies.ofDocument(d.id()).stream().map(this::copyLine).toList()));
            periods.add(c.periodId());
        }
        List<ChangeReport> changes = new ArrayList<>();
        for (RetroactiveChangeReport r : freezer.retroactiveChanges(s.id())) {
            String name = s.classes().stream().filter(c -> c.classId().equals(r.classId()))
                    .map(ImportedSnapshot.ImportedClass::className).findFirst().orElse(r.classId());
            changes.add(new ChangeReport(r.classId(), name, r.periodId(),
                    r.changes().stream().map(this::describe).toList()));
        }
        LocalDate today = LocalDate.now(ZoneId.systemDefault());
        List<Checklist> checklists = new ArrayList<>();
        for (String period : periods) {
            try {
                checklists.add(checklist(deadlines.period(s.schoolId(), s.academicYear(), period, today)));
            } catch (PaperCopyException e) {
                // nothing of that period archived (yet): no checklist
            }
        }
        model.addAttribute("imp", s);
        model.addAttribute("classes", classes);
        model.addAttribute("changes", changes);
        model.addAttribute("refused", s.classes().stream()
                .filter(c -> c.status() == ImportedSnapshot.CloseStatus.REFUSED_RETROACTIVE_CHANGE).toList());
        model.addAttribute("checklists", checklists);
        model.addAttribute("controlHint", text("control.hint", regulations.forSchool(s.schoolId()).title()));
        model.addAttribute("fiveDay", checklists.stream().allMatch(c -> c.note() == null && !c.backups().isEmpty()));
        return "deputy/reports";
    }

    private ControlReport control(JournalControl control) {
        List<ControlGroup> groups = new ArrayList<>();
        control.byKind().forEach((kind, findings) -> groups.add(new ControlGroup(kind.code(), controlTexts.kind(kind),
                findings.stream().map(controlTexts::line).toList())));
        Object[] counts = java.util.Arrays.stream(ControlFinding.Kind.values()).map(control::count).toArray();
        return new ControlReport(control.clean(), text("control.summary", counts), groups);
    }

    private Checklist checklist(DeadlineReport report) {
        String header = text("deputy.checklist.header", text("deputy.period." + report.periodId()),
                report.academicYear() == null ? "—" : report.academicYear(), date(report.today()));
        if (!report.listsDeadlines()) {
            // on demand, none, or a yearly school's period: a Russian explanation instead of deadlines
            String note = switch (report.regime()) {
                case NONE -> text("paper.regime.none", report.basis());
                case ON_DEMAND -> text("paper.regime.onDemand");
                default -> text("paper.regime.yearlyOnly", report.schoolId());
            };
            return new Checklist(header, text("paper.regime.profile", report.regulation()) + " " + note, List.of(),
                    List.of());
        }
        List<StepRow> backups = new ArrayList<>();
        for (DeadlineReport.BackupDeadline b : report.backups()) {
            String state = switch (b.status()) {
                case DONE, DONE_LATE -> text(b.handOver() ? "paper.backup.handedDone" : "paper.backup.writtenDone",
                        b.by() == null ? "—" : b.by(), DeputyPages.shown(b.at()), b.mediumId());
                case PENDING, OVERDUE -> text("deputy.checklist." + b.status().name());
            };
            backups.add(new StepRow(text("deputy.checklist.day", b.day(), date(b.due())),
                    text((b.handOver() ? "paper.backup.handed." : "paper.backup.written.") + b.mediumType()), state,
                    badge(b.status())));
        }
        List<JournalChecklist> journals = new ArrayList<>();
        for (DeadlineReport.DocumentDeadlines d : report.documents()) {
            List<StepRow> steps = new ArrayList<>();
            for (DeadlineReport.StepDeadline step : d.steps()) {
                String state = switch (step.status()) {
                    case DONE, DONE_LATE -> text("deputy.checklist." + step.status().name(), step.done().by(),
                            DeputyPages.shown(step.done().at()), step.done().copyNumber());
                    case PENDING, OVERDUE -> text("deputy.checklist." + step.status().name());
                };
                String due = step.due() == null ? text("paper.regime.noDue")
                        : step.day() > 0 ? text("deputy.checklist.day", step.day(), date(step.due())) : date(step.due());
                steps.add(new StepRow(due, text("deputy.step." + step.step().code()), state, badge(step.status())));
            }
            journals.add(new JournalChecklist(d.className(), d.periodEnd() == null ? "" : text(
                    "deputy.checklist.periodEnd", date(d.periodEnd()), date(d.periodEnd().plusDays(1))), steps));
        }
        return new Checklist(header, journals.isEmpty() ? text("paper.regime.noDocuments") : null, journals,
                backups);
    }

    private static String badge(DeadlineReport.Status status) {
        return switch (status) {
            case DONE -> "ok";
            case DONE_LATE, PENDING -> "warn";
            case OVERDUE -> "bad";
        };
    }

    private String copyLine(PaperCopy copy) {
        String line = text("deputy.checklist.copy", copy.copyNumber(),
                text("deputy.step." + paperCopies.routine(copy).effective(copy).code()));
        if (paperCopies.routine(copy).effective(copy) == ru.journalarchive.papercopies.PaperStep.PRINTED
                && !copy.missingSignatures().isEmpty()) {
            line += "; " + text("deputy.checklist.missingSigners", String.join(", ", copy.missingSignatures()
                    .stream().map(m -> m.subjectName() + " — " + m.teacherName()).toList()));
        }
        return line;
    }

    private static String date(LocalDate day) {
        return day == null ? "—" : java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy").format(day);
    }

    /** The archived PDF (the signed rendition once signed), handed out from a verified copy and logged. */
    @GetMapping("/deputy/documents/{id}/pdf")
    ResponseEntity<byte[]> pdf(@PathVariable String id, @AuthenticationPrincipal Caller caller) throws IOException {
        ArchivedDocument d = visibleDocument(id, caller);
        VerifiedBytes.Retrieved copy;
        try {
            copy = VerifiedBytes.of(retrieval, d.id(), caller.name(), text("deputy.purpose.check"), null)
                    .orElseThrow(DeputyNoIntactCopy::new);
        } catch (RetrievalRefusedException e) {
            throw new DeputyNotFound();
        }
        String suffix = ArchivedDocument.ROLE_SIGNED_PDF.equals(copy.result().object().role()) ? ".signed" : "";
        return download(copy.bytes(), fileName("journal", d) + suffix + ".pdf");
    }

    /** The print packet of an archived class journal, rendered from its verified frozen JSON; logged. */
    @GetMapping("/deputy/documents/{id}/packet.pdf")
    ResponseEntity<byte[]> packet(@PathVariable String id, @AuthenticationPrincipal Caller caller) {
        ArchivedDocument d = visibleDocument(id, caller);
        PrintPackets.Packet packet;
        try {
            packet = packets.render(d.id());
        } catch (PaperCopyException e) {
            throw new DeputyNotFound();
        }
        byte[] pdf = packet.pdf().pdf();
        accessLog.record(AccessEntry.of(caller.name(), AccessAction.RETRIEVE, d.id(), text("deputy.purpose.print"),
                null, "print-packet pages=" + packet.pdf().pageCount() + " sha256=" + sha256(pdf) + " (web)"));
        return download(pdf, fileName("packet", d) + ".pdf");
    }

    private ArchivedDocument visibleDocument(String id, Caller caller) {
        ArchivedDocument d;
        try {
            d = registry.get(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            d = null;
        }
        if (d == null || !caller.maySee(d.schoolId())) {
            throw new DeputyNotFound();
        }
        return d;
    }

    private static ResponseEntity<byte[]> download(byte[] pdf, String name) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build()
                        .toString())
                .header("X-Content-SHA256", sha256(pdf))
                .body(pdf);
    }

    private static String fileName(String kind, ArchivedDocument d) {
        return kind + "_" + d.schoolId() + "_" + d.academicYear().replace('/', '-') + "_" + d.periodId() + "_"
                + d.classId() + "_v" + d.version();
    }

    static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One retroactive change as the deputy reads it (the texts of the command line's report). */
    String describe(RetroactiveChange c) {
        String where = switch (c.kind()) {
            case MARK, ABSENCE -> text("deputy.change.where.lesson", nz(c.subjectId()), nz(c.lessonDate()),
                    nz(c.lessonId()), nz(c.studentId()));
            case FINAL_MARK -> text("deputy.change.where.final", nz(c.subjectId()), nz(c.period()),
                    nz(c.studentId()));
            case LESSON -> text("deputy.change.where.lessonField", nz(c.lessonDate()), nz(c.lessonId()),
                    nz(c.field()));
            case STUDENT -> text("deputy.change.where.student", nz(c.studentId()), nz(c.field()));
            case OTHER -> text("deputy.change.where.other", nz(c.field()));
        };
        String values = text("deputy.change.values", nz(c.oldValue()), nz(c.newValue()));
        String evidence = c.oldEnteredAt() == null && c.newEnteredAt() == null ? ""
                : " " + text("deputy.change.evidence", nz(c.oldEnteredAt()), nz(c.oldEnteredBy()),
                        nz(c.newEnteredAt()), nz(c.newEnteredBy()));
        return text("deputy.change.kind." + c.kind().name()) + ": " + where + "; " + values + evidence;
    }

    private static String nz(String s) {
        return s == null ? "—" : s;
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, RU);
    }
}
