package ru.journalarchive.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import ru.journalarchive.disposition.ActStatus;
import ru.journalarchive.disposition.DestructionAct;
import ru.journalarchive.disposition.DestructionActs;
import ru.journalarchive.disposition.DispositionException;
import ru.journalarchive.registry.ArchivedDocument;
import ru.journalarchive.registry.DocumentRegistry;
import ru.journalarchive.retention.RetentionReview;
import ru.journalarchive.retention.RetentionReviewResult;
import ru.journalarchive.retrieval.DocumentRetrieval;
import ru.journalarchive.retrieval.RetrievalRefusedException;
import ru.journalarchive.security.Caller;
import ru.journalarchive.text.RussianPlural;

/**
 * The destruction acts of the director's schools: those agreed by the expert commission await the director, who
 * approves one («УТВЕРЖДАЮ»: rendered, stored, registered and signed by {@link DestructionActs#approve}) or returns it
 * with a reason (cancelled, its documents free for another act: {@link DestructionActs#cancel}), as {@code act
 * approve} and {@code act cancel} do; an approved act's PDF is handed out through the verified retrieval (logged).
 */
@Controller
@RequestMapping("/director/acts")
class DirectorActsPage {

    static final String PDF_PURPOSE = "просмотр акта о выделении к уничтожению директором";

    private final DirectorScope scope;
    private final DestructionActs acts;
    private final DocumentRegistry registry;
    private final RetentionReview review;
    private final DocumentRetrieval retrieval;

    DirectorActsPage(DirectorScope scope, DestructionActs acts, DocumentRegistry registry, RetentionReview review,
            DocumentRetrieval retrieval) {
        this.scope = scope;
        this.acts = acts;
        this.registry = registry;
        this.review = review;
        this.retrieval = retrieval;
    }

    /** One document of an act's row, as the act's page lists it. */
    record Record(int row, UUID id, String kind, String year, String period, String className,
                  java.time.LocalDate eligibleFrom) {
    }

    @GetMapping
    String list(@AuthenticationPrincipal Caller caller, Model model) {
        List<DestructionAct> all = scope.acts(caller);
        model.addAttribute("awaiting", all.stream().filter(a -> a.status() == ActStatus.AGREED).toList());
        model.addAttribute("others", all.stream().filter(a -> a.status() != ActStatus.AGREED).toList());
        return "director/acts";
    }

    @GetMapping("/{id}")
    String show(@AuthenticationPrincipal Caller caller, @PathVariable String id, Model model) {
        return page(scope.act(caller, id), model);
    }

    @PostMapping("/{id}/approve")
    String approve(@AuthenticationPrincipal Caller caller, @PathVariable String id,
            @RequestParam(required = false) String approver, Model model, RedirectAttributes redirect) {
        DestructionAct act = scope.act(caller, id);
        if (approver == null || approver.isBlank()) {
            model.addAttribute("approveError", "director.act.approver.required");
            return page(act, model);
        }
        try {
            DestructionAct approved = acts.approve(act.id().toString(), approver.strip());
            redirect.addFlashAttribute("notice", "director.act.approved");
            redirect.addFlashAttribute("noticeArg", approved.number());
        } catch (DispositionException | IllegalStateException refused) {
            model.addAttribute("refusal", refused.getMessage());
            return page(scope.act(caller, id), model);
        }
        return "redirect:/director/acts/" + act.id();
    }

    @PostMapping("/{id}/return")
    String giveBack(@AuthenticationPrincipal Caller caller, @PathVariable String id,
            @RequestParam(required = false) String reason, Model model, RedirectAttributes redirect) {
        DestructionAct act = scope.act(caller, id);
        if (reason == null || reason.isBlank()) {
            model.addAttribute("returnError", "director.act.reason.required");
            return page(act, model);
        }
        try {
            DestructionAct cancelled = acts.cancel(act.id().toString(), reason, caller.name());
            redirect.addFlashAttribute("notice", "director.act.returned");
            redirect.addFlashAttribute("noticeArg", cancelled.number());
        } catch (DispositionException refused) {
            model.addAttribute("refusal", refused.getMessage());
            return page(scope.act(caller, id), model);
        }
        return "redirect:/director/acts/" + act.id();
    }

    /** The approved act's PDF (the signed rendition), from a copy whose SHA-256 is the registry's. */
    @GetMapping("/{id}/pdf")
    ResponseEntity<Resource> pdf(@AuthenticationPrincipal Caller caller, @PathVariable String id) throws IOException {
        DestructionAct act = scope.act(caller, id);
        if (act.documentId() == null) {
            throw DirectorScope.notFound();
        }
        byte[] bytes;
        try {
            bytes = VerifiedBytes.of(retrieval, act.documentId(), caller.name(), PDF_PURPOSE, null)
                    .orElseThrow(() -> new IllegalStateException("no intact copy of act " + act.number())).bytes();
        } catch (RetrievalRefusedException refused) {
            throw DirectorScope.notFound();
        }
        String name = "akt-" + act.number().replace('/', '-') + ".pdf";
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(name).build().toString())
                .body(new ByteArrayResource(bytes));
    }

    private String page(DestructionAct act, Model model) {
        model.addAttribute("act", act);
        model.addAttribute("cancellation", acts.cancellation(act.id()).orElse(null));
        List<Record> records = new ArrayList<>();
        for (DestructionAct.Row row : act.rows()) {
            for (UUID documentId : row.documentIds()) {
                ArchivedDocument d = registry.get(documentId);
                records.add(new Record(row.number(), d.id(), scope.kind(d.documentType()), d.academicYear(),
                        scope.period(d.periodId()), d.className(), d.retention().eligibleForDestructionFrom()));
            }
        }
        model.addAttribute("records", records);
        int files = act.fileTotal();
        model.addAttribute("totalText", scope.text("director.act.total", String.valueOf(files),
                scope.text("plural.case." + RussianPlural.of(files).key()), act.years(),
                scope.text(act.years().contains("–") ? "director.act.years.many" : "director.act.years.one")));
        boolean open = act.status() == ActStatus.DRAFT || act.status() == ActStatus.AGREED;
        model.addAttribute("blockers", open ? acts.blockers(act) : List.of());
        try {
            RetentionReviewResult result = review.review(act.year(), act.schoolId());
            model.addAttribute("epk", result.epk());
            model.addAttribute("held", result.held());
        } catch (IllegalArgumentException badYear) {
            model.addAttribute("epk", List.of());
            model.addAttribute("held", List.of());
        }
        return "director/act";
    }
}
