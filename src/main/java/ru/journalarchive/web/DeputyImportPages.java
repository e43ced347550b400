package ru.journalarchive.web;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import ru.journalarchive.archiving.IncompleteCloses;
import ru.journalarchive.jobs.BackgroundCloses;
import ru.journalarchive.registry.ImportedSnapshot;
import ru.journalarchive.registry.ImportedSnapshot.CloseStatus;
import ru.journalarchive.registry.SnapshotImports;
import ru.journalarchive.security.Caller;

/**
 * An import's page for the deputy ({@code /deputy/imports/{id}}): its classes with their close status and archived
 * documents, the button that starts the close in the background, the small JSON endpoint the page polls for the
 * live progress per class, and per class refused as incomplete what is missing and the override form (a reason). An import of a school the deputy may not see answers 404, as if it did not exist.
 */
@Controller
@RequestMapping("/deputy/imports/{id}")
class DeputyImportPages {

    private static final Locale RU = Locale.forLanguageTag("ru");

    private final SnapshotImports imports;
    private final BackgroundCloses closes;
    private final MessageSource messages;
    private final IncompleteCloses incomplete;

    DeputyImportPages(SnapshotImports imports, BackgroundCloses closes, MessageSource messages,
            IncompleteCloses incomplete) {
        this.incomplete = incomplete;
        this.imports = imports;
        this.closes = closes;
        this.messages = messages;
    }

    /** The import, if the caller may see its school; 404 otherwise (unknown or another school's: the same answer). */
    static ImportedSnapshot visible(SnapshotImports imports, String id, Caller caller) {
        ImportedSnapshot s;
        try {
            s = imports.get(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            s = null;
        }
        if (s == null || !caller.maySee(s.schoolId())) {
            throw new DeputyNotFound();
        }
        return s;
    }

    @GetMapping
    String page(@PathVariable String id, @AuthenticationPrincipal Caller caller, Model model) {
        ImportedSnapshot s = visible(imports, id, caller);
        Progress progress = progress(s);
        model.addAttribute("imp", s);
        model.addAttribute("progress", progress);
        model.addAttribute("received", DeputyPages.shown(s.receivedAt()));
        model.addAttribute("anyDocument", s.classes().stream().anyMatch(c -> c.documentId() != null));
        return "deputy/import";
    }

    @PostMapping("/close")
    String close(@PathVariable String id, @AuthenticationPrincipal Caller caller, RedirectAttributes flash) {
        ImportedSnapshot s = visible(imports, id, caller);
        boolean started = closes.start(s.id());
        flash.addFlashAttribute("closeStarted", started ? "started" : "busy");
        return "redirect:/deputy/imports/" + s.id();
    }

    /**
     * The deputy's override of a class refused as incomplete: with a reason (required), recorded under the logged-in
     * account's name, then the close runs again in the background for that class. Refused in Russian naming the field.
     */
    @PostMapping("/override")
    String override(@PathVariable String id, @RequestParam(name = "classId", required = false) String classId,
            @RequestParam(name = "reason", required = false) String reason,
            @AuthenticationPrincipal Caller caller, RedirectAttributes flash) {
        ImportedSnapshot s = visible(imports, id, caller);
        try {
            var override = incomplete.override(s.id(), classId, reason, caller.name());
            closes.start(s.id());
            flash.addFlashAttribute("overrideDone", text("completeness.web.done", override.className()));
        } catch (IncompleteCloses.OverrideRefused e) {
            flash.addFlashAttribute("overrideError", text("completeness.web.field." + e.field()) + ": "
                    + e.text(messages));
        }
        return "redirect:/deputy/imports/" + s.id();
    }

    @GetMapping(path = "/progress", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    Progress progressOf(@PathVariable String id, @AuthenticationPrincipal Caller caller) {
        return progress(visible(imports, id, caller));
    }

    /**
     * The close's progress, polled by {@code deputy.js}.
     *
     * @param running  the close is queued or running in this process
     * @param done     classes no longer pending (closed, unchanged or refused)
     * @param finished nothing pending and nothing running
     * @param failed   the close stopped with classes still pending (the job failed: start it again to resume)
     */
    record Progress(boolean running, int done, int total, boolean finished, boolean failed, String summary,
                    List<ClassProgress> classes) {
    }

    /**
     * One class's row: its status (code, Russian text, badge), the message, the archived document, and for a class
     * refused as incomplete what is missing (Russian lines: the period's end against the export, or pupil — subject).
     */
    record ClassProgress(String classId, String status, String statusText, String badge, String message,
                         UUID documentId, List<String> details) {

        /** What the message cell shows: the details, one a line, or else the message. */
        public String shown() {
            return details.isEmpty() ? (message == null ? "" : message) : String.join("\n", details);
        }
    }

    Progress progress(ImportedSnapshot s) {
        boolean running = closes.busy(s.id());
        int total = s.classes().size();
        int done = (int) s.classes().stream().filter(c -> c.status() != CloseStatus.PENDING).count();
        boolean finished = !running && done == total;
        String summary = running ? text("deputy.progress.running", done, total)
                : finished ? text("deputy.progress.finished", done, total)
                : done > 0 ? text("deputy.progress.partial", done, total) : text("deputy.progress.notStarted", total);
        return new Progress(running, done, total, finished, !running && done > 0 && done < total, summary,
                s.classes().stream().map(c -> new ClassProgress(c.classId(), c.status().name(),
                        text("deputy.status." + c.status().name()), badge(c.status()), c.message(),
                        c.documentId(), incomplete.describe(s, c))).toList());
    }

    static String badge(CloseStatus status) {
        return switch (status) {
            case CLOSED, ALREADY_CLOSED, SUPPLEMENTED -> "ok";
            case PENDING -> "warn";
            case FAILED -> "bad";
            case REFUSED_RETROACTIVE_CHANGE, REFUSED_DESTROYED, REFUSED_PERIOD_NOT_ENDED,
                    REFUSED_MISSING_FINAL_MARKS -> "bad";
        };
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, RU);
    }
}
