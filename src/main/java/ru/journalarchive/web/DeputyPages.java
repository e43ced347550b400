package ru.journalarchive.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import ru.journalarchive.accesslog.AccessAction;
import ru.journalarchive.accesslog.AccessEntry;
import ru.journalarchive.accesslog.AccessLog;
import ru.journalarchive.archiving.ImportResult;
import ru.journalarchive.archiving.SnapshotIntake;
import ru.journalarchive.registry.ImportedSnapshot;
import ru.journalarchive.registry.SnapshotImports;
import ru.journalarchive.security.Caller;
import ru.journalarchive.snapshot.SnapshotRejectedException;

/**
 * The deputy head's section ({@code /deputy/**}, open to that role only): the start page lists the imports of the
 * deputy's schools, newest first, with their close status, and takes a snapshot upload that goes through the same
 * intake as the command line and the API (validated whole; rejected with every violation by place, nothing stored).
 */
@Controller
@RequestMapping("/deputy")
class DeputyPages {

    /** How many imports the start page lists. */
    static final int LISTED = 100;

    private final SnapshotIntake intake;
    private final SnapshotImports imports;
    private final AccessLog accessLog;
    private final DataSize maxFileSize;
    private final org.springframework.context.MessageSource messages;

    DeputyPages(SnapshotIntake intake, SnapshotImports imports, AccessLog accessLog,
            @Value("${spring.servlet.multipart.max-file-size:1MB}") DataSize maxFileSize,
            org.springframework.context.MessageSource messages) {
        this.messages = messages;
        this.intake = intake;
        this.imports = imports;
        this.accessLog = accessLog;
        this.maxFileSize = maxFileSize;
    }

    /** One import as listed: how many classes are closed, refused or still to close. */
    record ImportRow(ImportedSnapshot snapshot, long closed, long refused, long pending) {

        static ImportRow of(ImportedSnapshot s) {
            long pending = s.classes().stream().filter(c -> c.status() == ImportedSnapshot.CloseStatus.PENDING)
                    .count();
            long refused = s.classes().stream().filter(c -> c.status().name().startsWith("REFUSED")).count();
            return new ImportRow(s, s.classes().size() - pending - refused, refused, pending);
        }

        /** When it was received, for people. */
        public String received() {
            return DeputyPages.shown(snapshot.receivedAt());
        }

        /** The badge of the import: ok (all closed), warn (some to close), bad (something refused). */
        public String badge() {
            return refused > 0 ? "bad" : pending > 0 ? "warn" : "ok";
        }
    }

    @GetMapping
    String index(@AuthenticationPrincipal Caller caller, Model model) {
        model.addAttribute("imports", imports.ofSchools(caller.schools(), LISTED).stream().map(ImportRow::of)
                .toList());
        model.addAttribute("maxSizeMb", megabytes(maxFileSize));
        model.addAttribute("schools", String.join(", ", caller.schools().stream().sorted().toList()));
        return "deputy/index";
    }

    /** A refusal of an upload: where (the JSON path or the form field) and why, in Russian. */
    record UploadError(String field, String reason) {
    }

    @PostMapping("/upload")
    String upload(@RequestParam(name = "snapshot", required = false) MultipartFile file,
            @AuthenticationPrincipal Caller caller, RedirectAttributes flash) throws IOException {
        if (file == null || file.isEmpty()) {
            return refused(flash, caller, name(file), "empty", List.of(), "empty");
        }
        if (file.getSize() > maxFileSize.toBytes()) {
            return refused(flash, caller, name(file), "tooLarge", List.of(), "too large: " + file.getSize());
        }
        byte[] body = file.getBytes();
        String claimed = SnapshotController.claimedSchool(body);
        if (claimed != null && !caller.maySee(claimed)) {
            // Checked before anything is validated or stored: a deputy uploads for their own schools only.
            flash.addFlashAttribute("otherSchool", claimed);
            return refused(flash, caller, name(file), "otherSchool", List.of(), "other-school");
        }
        Path dir = Files.createTempDirectory("deputy-upload");
        Path saved = dir.resolve(safeName(file.getOriginalFilename()));
        try {
            Files.write(saved, body);
            ImportResult result = intake.importFile(saved);
            ImportedSnapshot s = result.snapshot();
            accessLog.record(new AccessEntry(caller.name(), AccessAction.UPLOAD, null, null, null, null, null,
                    "import " + s.id() + " (web)"));
            flash.addFlashAttribute("accepted", result.alreadyImported() ? "again" : "new");
            return "redirect:/deputy/imports/" + s.id();
        } catch (SnapshotRejectedException e) {
            // The flash (kept in the session) holds the first SHOWN violations only, and how many more there are.
            flash.addFlashAttribute("uploadErrorTotal", e.total());
            flash.addFlashAttribute("uploadErrorsMore", e.notShownNote(messages));
            return refused(flash, caller, name(file), "rejected", e.shown().stream()
                    .map(v -> new UploadError(v.path(), v.message())).toList(),
                    e.total() + " violations");
        } finally {
            Files.deleteIfExists(saved);
            Files.deleteIfExists(dir);
        }
    }

    private String refused(RedirectAttributes flash, Caller caller, String fileName, String reason,
            List<UploadError> errors, String logged) {
        accessLog.record(new AccessEntry(caller.name(), AccessAction.UPLOAD_REJECTED, null, null, null, null, null,
                logged + " (web)"));
        flash.addFlashAttribute("uploadRefused", reason);
        flash.addFlashAttribute("uploadFile", fileName);
        flash.addFlashAttribute("uploadErrors", errors);
        return "redirect:/deputy";
    }

    private static String name(MultipartFile file) {
        return file == null || file.getOriginalFilename() == null ? "" : file.getOriginalFilename();
    }

    /** The uploaded file's name, reduced to a safe file name (the registry keeps it as the snapshot's source). */
    static String safeName(String original) {
        String base = original == null ? "" : original.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1).replaceAll("[^\\p{L}\\p{N}._-]", "_");
        if (base.isBlank() || base.startsWith(".")) {
            base = "upload" + base;
        }
        return base.length() > 120 ? base.substring(base.length() - 120) : base;
    }

    /** An instant for people: «27.12.2024 14:05», in the server's time zone. */
    static String shown(java.time.Instant at) {
        return at == null ? "—" : java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm")
                .withZone(java.time.ZoneId.systemDefault()).format(at);
    }

    /** A cap in whole megabytes, as the page shows it (at least 1). */
    static long megabytes(DataSize size) {
        return Math.max(1, size.toMegabytes());
    }
}
