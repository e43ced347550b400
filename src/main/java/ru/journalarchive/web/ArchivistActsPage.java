package ru.journalarchive.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import ru.journalarchive.disposition.DestructionAct;
import ru.journalarchive.disposition.DestructionActs;
import ru.journalarchive.disposition.DispositionException;
import ru.journalarchive.security.Caller;

/**
 * Destruction acts for the archivist ({@code /archivist/acts}): the acts of the caller's schools with their status,
 * each approved act's PDF (the verified copy of the archived act), and drafting a new act from the records whose
 * term has expired ({@code act draft}: the records clerk prepares it; the commission agrees and the director approves
 * it in their own pages).
 */
@Controller
@RequestMapping("/archivist/acts")
class ArchivistActsPage {

    private final DestructionActs acts;
    private final ArchivistArchive archive;
    private final MessageSource messages;

    ArchivistActsPage(DestructionActs acts, ArchivistArchive archive, MessageSource messages) {
        this.acts = acts;
        this.archive = archive;
        this.messages = messages;
    }

    @GetMapping
    String list(@AuthenticationPrincipal Caller caller, Model model) {
        List<DestructionAct> found = new ArrayList<>();
        caller.schools().stream().sorted().forEach(s -> found.addAll(acts.list(s)));
        model.addAttribute("acts", found);
        model.addAttribute("schools", caller.schools().stream().sorted().toList());
        model.addAttribute("thisYear", LocalDate.now().getYear());
        return "archivist/acts";
    }

    @PostMapping
    String draft(@RequestParam(required = false) String school, @RequestParam(required = false) String year,
            @AuthenticationPrincipal Caller caller, RedirectAttributes flash) {
        if (school == null || !caller.maySee(school)) {
            flash.addFlashAttribute("actError", text("archivist.acts.error.school"));
            return "redirect:/archivist/acts";
        }
        int actYear;
        try {
            actYear = Integer.parseInt(year == null ? "" : year.strip());
            if (actYear < 2000 || actYear > LocalDate.now().getYear()) {
                throw new NumberFormatException();
            }
        } catch (NumberFormatException e) {
            flash.addFlashAttribute("actError", text("archivist.acts.error.year", year == null ? "" : year));
            return "redirect:/archivist/acts";
        }
        try {
            DestructionAct act = acts.draft(school, actYear, LocalDate.now(), caller.name(), null);
            flash.addFlashAttribute("notice", text("archivist.acts.drafted", act.number(), act.fileTotal()));
        } catch (DispositionException refused) {
            flash.addFlashAttribute("actError", refused.getMessage());
        }
        return "redirect:/archivist/acts";
    }

    @GetMapping("/{id}/pdf")
    Object pdf(@PathVariable String id, @AuthenticationPrincipal Caller caller, RedirectAttributes flash) {
        UUID actId = ArchivistDocumentPage.id(id);
        DestructionAct act = acts.list(null).stream().filter(a -> a.id().equals(actId))
                .filter(a -> caller.maySee(a.schoolId())).findFirst().orElseThrow(ArchivistArchive.NotFound::new);
        if (act.documentId() == null) {
            throw new ArchivistArchive.NotFound();
        }
        Optional<ArchivistArchive.Copy> copy = archive.verifiedCopy(caller, act.documentId(),
                text("archivist.acts.purpose", act.number()), null);
        if (copy.isEmpty()) {
            flash.addFlashAttribute("actError", text("archivist.copy.error.damaged"));
            return "redirect:/archivist/acts";
        }
        return ArchivistDocumentPage.pdf(copy.get().bytes(), "akt-" + act.number().replaceAll("[^0-9A-Za-z-]", "-")
                + ".pdf", copy.get().sha256());
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, ArchivistPages.RU);
    }
}
