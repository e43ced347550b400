package ru.journalarchive.web;

import java.util.Optional;
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
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import ru.journalarchive.retrieval.RetrievalRefusedException;
import ru.journalarchive.security.Caller;

/**
 * A document's page for the archivist ({@code /archivist/documents/{id}}): its registry entry, replicas with their
 * last fixity result, signature, retention, versions and paper copies; and «Скачать заверенную копию», the verified
 * copy handed out only from a replica whose SHA-256 is the registry's.
 */
@Controller
@RequestMapping("/archivist/documents")
class ArchivistDocumentPage {

    private final ArchivistArchive archive;
    private final MessageSource messages;

    ArchivistDocumentPage(ArchivistArchive archive, MessageSource messages) {
        this.archive = archive;
        this.messages = messages;
    }

    /** A path's id; a malformed one is a document that does not exist. */
    static UUID id(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException malformed) {
            throw new ArchivistArchive.NotFound();
        }
    }

    @GetMapping("/{id}")
    String document(@PathVariable String id, @AuthenticationPrincipal Caller caller, Model model) {
        model.addAttribute("doc", archive.view(caller, id(id)));
        return "archivist/document";
    }

    @PostMapping("/{id}/copy")
    Object copy(@PathVariable String id, @RequestParam(required = false) String purpose,
            @RequestParam(required = false) String requester, @AuthenticationPrincipal Caller caller,
            RedirectAttributes flash) {
        UUID documentId = id(id);
        archive.document(caller, documentId);
        String back = "redirect:/archivist/documents/" + documentId;
        if (purpose == null || purpose.isBlank()) {
            flash.addFlashAttribute("copyError", messages.getMessage("archivist.copy.error.purpose", null,
                    ArchivistPages.RU));
            return back;
        }
        Optional<ArchivistArchive.Copy> copy;
        try {
            copy = archive.verifiedCopy(caller, documentId, purpose, requester);
        } catch (RetrievalRefusedException refused) {
            flash.addFlashAttribute("copyError", messages.getMessage("archivist.copy.refused."
                    + refused.reason().name(), null, ArchivistPages.RU));
            return back;
        }
        if (copy.isEmpty()) {
            flash.addFlashAttribute("copyError", messages.getMessage("archivist.copy.error.damaged", null,
                    ArchivistPages.RU));
            return back;
        }
        return pdf(copy.get().bytes(), copy.get().fileName(), copy.get().sha256());
    }

    /** A PDF download with its SHA-256 in a header. */
    static ResponseEntity<byte[]> pdf(byte[] bytes, String fileName, String sha256) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build()
                        .toString())
                .header("X-Content-SHA256", sha256)
                .body(bytes);
    }
}
