package ru.journalarchive.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import ru.journalarchive.papercopies.DeadlineReport;
import ru.journalarchive.papercopies.PaperCopies;
import ru.journalarchive.papercopies.PaperCopy;
import ru.journalarchive.papercopies.PaperCopyException;
import ru.journalarchive.papercopies.PaperCustody;
import ru.journalarchive.papercopies.PaperDeadlines;
import ru.journalarchive.papercopies.PaperStep;
import ru.journalarchive.papercopies.StepDetails;
import ru.journalarchive.registry.ArchivedDocument;
import ru.journalarchive.registry.DocumentQuery;
import ru.journalarchive.registry.DocumentRegistry;
import ru.journalarchive.security.Caller;

/**
 * The registry of paper copies for the archivist ({@code /archivist/paper}): the copies of the caller's schools with
 * their state and place, the year-end deadlines (printed, signed and sealed, bound by 30 June), registering a printed
 * copy ({@code paper print}) and one copy's whole history ({@code paper show}).
 */
@Controller
@RequestMapping("/archivist/paper")
class ArchivistPaperPage {

    private final PaperCopies copies;
    private final PaperDeadlines deadlines;
    private final DocumentRegistry registry;
    private final MessageSource messages;
    private final PaperCustody custody;

    ArchivistPaperPage(PaperCopies copies, PaperDeadlines deadlines, DocumentRegistry registry,
            MessageSource messages, PaperCustody custody) {
        this.custody = custody;
        this.copies = copies;
        this.deadlines = deadlines;
        this.registry = registry;
        this.messages = messages;
    }

    /**
     * A copy as listed: the copy, where it is kept (empty until placed), its step in the school's routine, and, when
     * the school's copies stay with the group's class teacher (003 §5.5), that custody (else empty).
     */
    record CopyRow(PaperCopy copy, String place, PaperStep state, String custody) {
    }

    /** A graduated group's copy to be transferred to the archive, or transferred. */
    record TransferRow(PaperCopy copy, String graduatedOn, boolean transferred) {
    }

    @GetMapping
    String list(@AuthenticationPrincipal Caller caller, Model model) {
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new PaperForm(null, null, caller.name(), null));
        }
        List<CopyRow> rows = new ArrayList<>();
        List<DeadlineReport> reports = new ArrayList<>();
        List<ArchivedDocument> journals = new ArrayList<>();
        List<TransferRow> transfers = new ArrayList<>();
        for (String school : caller.schools().stream().sorted().toList()) {
            copies.list(new DocumentQuery(school, null, null, null), null)
                    .forEach(c -> rows.add(row(c)));
            copies.transfers(school).forEach(t -> transfers.add(new TransferRow(t.copy(),
                    java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy").format(t.graduatedOn()), t.transferred())));
            try {
                reports.add(deadlines.yearEnd(school, null, LocalDate.now()));
            } catch (PaperCopyException nothingArchived) {
                // a school with nothing archived has no deadlines
            }
            registry.list(new DocumentQuery(school, null, null, null)).stream()
                    .filter(d -> d.documentType().equals("class-journal")
                            || d.documentType().equals("summary-statement")).forEach(journals::add);
        }
        model.addAttribute("transfers", transfers);
        model.addAttribute("rows", rows);
        model.addAttribute("reports", reports);
        model.addAttribute("journals", journals);
        return "archivist/paper";
    }

    /** What was typed in the registration form. */
    record PaperForm(String document, String sheets, String by, String note) {
    }

    @PostMapping
    Object register(@RequestParam(required = false) String document, @RequestParam(required = false) String sheets,
            @RequestParam(required = false) String by, @RequestParam(required = false) String note,
            @AuthenticationPrincipal Caller caller, Model model, RedirectAttributes flash) {
        PaperForm form = new PaperForm(document, sheets, by, note);
        Map<String, String> errors = new LinkedHashMap<>();
        UUID documentId = null;
        try {
            documentId = UUID.fromString(document == null ? "" : document.strip());
            ArchivedDocument d = registry.get(documentId);
            if (!caller.maySee(d.schoolId())) {
                throw new IllegalArgumentException("not the caller's");
            }
        } catch (IllegalArgumentException unknown) {
            errors.put("document", text("archivist.paper.error.document"));
        }
        Integer count = null;
        if (sheets != null && !sheets.isBlank()) {
            try {
                count = Integer.valueOf(sheets.strip());
                if (count < 1 || count > 10_000) {
                    errors.put("sheets", text("archivist.paper.error.sheets", sheets));
                }
            } catch (NumberFormatException e) {
                errors.put("sheets", text("archivist.paper.error.sheets", sheets));
            }
        }
        if (by == null || by.isBlank()) {
            errors.put("by", text("archivist.paper.error.by"));
        } else if (by.length() > 200) {
            errors.put("by", text("archivist.paper.error.tooLong"));
        }
        if (note != null && note.length() > 1000) {
            errors.put("note", text("archivist.paper.error.tooLong"));
        }
        if (errors.isEmpty()) {
            try {
                PaperCopy copy = copies.print(documentId, count, StepDetails.of(by.strip(), null, caller.name())
                        .withNote(note == null || note.isBlank() ? null : note.strip()));
                flash.addFlashAttribute("notice", text("archivist.paper.registered", copy.copyNumber()));
                return "redirect:/archivist/paper/" + copy.id();
            } catch (PaperCopyException refused) {
                errors.put("document", messages.getMessage(refused.messageKey(), refused.args(), ArchivistPages.RU));
            }
        }
        model.addAttribute("errors", errors);
        model.addAttribute("form", form);
        list(caller, model);
        return new ModelAndView("archivist/paper", model.asMap(), HttpStatus.UNPROCESSABLE_ENTITY);
    }

    @GetMapping("/{id}")
    String show(@PathVariable String id, @AuthenticationPrincipal Caller caller, Model model) {
        PaperCopy copy;
        try {
            copy = copies.get(ArchivistDocumentPage.id(id));
        } catch (PaperCopyException unknown) {
            throw new ArchivistArchive.NotFound();
        }
        if (!caller.maySee(copy.document().schoolId())) {
            throw new ArchivistArchive.NotFound();
        }
        model.addAttribute("row", row(copy));
        return "archivist/paper-copy";
    }

    private CopyRow row(PaperCopy copy) {
        String held = custody.of(copy).map(h -> {
            if (copy.state().compareTo(PaperStep.TRANSFERRED_TO_ARCHIVE) >= 0) {
                return text("paper.custody.transferred", h.group());
            }
            String teacher = h.classTeacher() == null ? "—" : h.classTeacher();
            return h.graduatedOn() == null ? text("paper.custody.classTeacher", h.group(), teacher)
                    : text("paper.custody.toTransfer", h.group(), teacher, java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy").format(h.graduatedOn()));
        }).orElse("");
        return new CopyRow(copy, place(copy), copies.routine(copy).effective(copy), held);
    }

    private static String place(PaperCopy copy) {
        return copy.events().stream().filter(e -> e.step() == PaperStep.PLACED).reduce((a, b) -> b)
                .map(e -> String.join(", ", List.of(e.room(), e.cabinet(), e.shelf(), e.box()).stream()
                        .filter(s -> s != null && !s.isBlank()).toList())
                        + (e.nomenclatureIndex() == null ? "" : " (" + e.nomenclatureIndex() + ")"))
                .orElse("");
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, ArchivistPages.RU);
    }
}
