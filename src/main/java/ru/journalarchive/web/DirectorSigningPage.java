package ru.journalarchive.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import ru.journalarchive.registry.ArchivedDocument;
import ru.journalarchive.registry.DocumentRegistry;
import ru.journalarchive.registry.SignatureRegistration;
import ru.journalarchive.security.Caller;

/**
 * The documents of the director's schools awaiting signature, signed with the server's token in the background
 * ({@link DirectorSigningRuns}); the page polls {@code /director/signing/progress} for «подписано n из m».
 */
@Controller
@RequestMapping("/director/signing")
class DirectorSigningPage {

    private final DirectorScope scope;
    private final DirectorSigningRuns runs;
    private final DocumentRegistry registry;

    DirectorSigningPage(DirectorScope scope, DirectorSigningRuns runs, DocumentRegistry registry) {
        this.scope = scope;
        this.runs = runs;
        this.registry = registry;
    }

    /** A document as the tables show it. */
    record Row(UUID id, String school, String year, String period, String className, String kind,
               Instant archivedAt, String signer, Instant signedAt) {
    }

    @GetMapping
    String list(@AuthenticationPrincipal Caller caller, Model model) {
        model.addAttribute("documents", scope.unsigned(caller).stream().map(d -> row(d, null)).toList());
        Optional<DirectorSigningRuns.Progress> last = runs.lastOf(caller.name());
        model.addAttribute("run", last.orElse(null));
        if (last.isPresent() && last.get().finished()) {
            List<Row> signed = new ArrayList<>();
            for (UUID id : last.get().documentIds()) {
                ArchivedDocument d = registry.get(id);
                signed.add(row(d, registry.signature(id).orElse(null)));
            }
            model.addAttribute("signed", signed);
        }
        return "director/signing";
    }

    @PostMapping
    String sign(@AuthenticationPrincipal Caller caller,
            @RequestParam(name = "document", required = false) List<String> selected, RedirectAttributes redirect) {
        if (selected == null || selected.isEmpty()) {
            redirect.addFlashAttribute("error", "director.signing.noneSelected");
            return "redirect:/director/signing";
        }
        List<ArchivedDocument> documents = new ArrayList<>();
        for (String id : selected) {
            ArchivedDocument d = scope.document(caller, id); // another school's document: 404
            if (d.object(ArchivedDocument.ROLE_SIGNED_PDF).isEmpty()) {
                documents.add(d);
            }
        }
        if (documents.isEmpty()) {
            redirect.addFlashAttribute("error", "director.signing.alreadySigned");
            return "redirect:/director/signing";
        }
        if (runs.start(caller.name(), documents).isEmpty()) {
            redirect.addFlashAttribute("error", "director.signing.busy");
        }
        return "redirect:/director/signing";
    }

    /** The caller's latest signing run, for director.js: {@code {active, total, signed, finished, failures}}. */
    @GetMapping("/progress")
    @ResponseBody
    Map<String, Object> progress(@AuthenticationPrincipal Caller caller) {
        Map<String, Object> json = new LinkedHashMap<>();
        Optional<DirectorSigningRuns.Progress> last = runs.lastOf(caller.name());
        json.put("active", last.isPresent() && !last.get().finished());
        json.put("total", last.map(DirectorSigningRuns.Progress::total).orElse(0));
        json.put("signed", last.map(DirectorSigningRuns.Progress::signed).orElse(0));
        json.put("finished", last.map(DirectorSigningRuns.Progress::finished).orElse(false));
        json.put("failures", last.map(DirectorSigningRuns.Progress::failures).orElse(List.of()));
        json.put("run", last.map(DirectorSigningRuns.Progress::id).orElse(null));
        return json;
    }

    private Row row(ArchivedDocument d, SignatureRegistration.SignatureInfo signature) {
        return new Row(d.id(), d.schoolId(), d.academicYear(), scope.period(d.periodId()), d.className(),
                scope.kind(d.documentType()), d.createdAt(), signature == null ? null : signature.signerSubject(),
                signature == null ? null : signature.signingTime());
    }
}
