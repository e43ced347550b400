package ru.journalarchive.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import ru.journalarchive.archiving.PupilExtracts;
import ru.journalarchive.security.Caller;

/**
 * A pupil's extract of final marks ({@code /archivist/extracts}): the form of {@code extract} on the command line
 * (pupil, school, purpose, requester), checked field by field in Russian; the signed extract PDF is downloaded and
 * recorded in the extract register and the access log ({@code extract}) by {@link PupilExtracts}.
 */
@Controller
@RequestMapping("/archivist/extracts")
class ArchivistExtractPage {

    private static final String ID = "[A-Za-z0-9._-]{1,64}";

    private final PupilExtracts extracts;
    private final MessageSource messages;

    ArchivistExtractPage(PupilExtracts extracts, MessageSource messages) {
        this.extracts = extracts;
        this.messages = messages;
    }

    /** What was typed in the form. */
    record ExtractForm(String pupil, String school, String purpose, String requester) {
    }

    @GetMapping
    String form(@RequestParam(required = false) String pupil, @RequestParam(required = false) String school,
            @AuthenticationPrincipal Caller caller, Model model) {
        model.addAttribute("form", new ExtractForm(pupil, school, null, null));
        model.addAttribute("schools", caller.schools().stream().sorted().toList());
        model.addAttribute("errors", Map.of());
        return "archivist/extract";
    }

    @PostMapping
    Object issue(@RequestParam(required = false) String pupil, @RequestParam(required = false) String school,
            @RequestParam(required = false) String purpose, @RequestParam(required = false) String requester,
            @AuthenticationPrincipal Caller caller, Model model) {
        ExtractForm form = new ExtractForm(strip(pupil), strip(school), strip(purpose), strip(requester));
        Map<String, String> errors = new LinkedHashMap<>();
        if (form.pupil() == null) {
            errors.put("pupil", text("archivist.extract.error.pupilMissing"));
        } else if (!form.pupil().matches(ID)) {
            errors.put("pupil", text("archivist.extract.error.pupilId", form.pupil()));
        }
        String schoolId = form.school() == null && caller.schools().size() == 1
                ? caller.schools().iterator().next() : form.school();
        if (schoolId == null) {
            errors.put("school", text("archivist.extract.error.schoolMissing"));
        } else if (!caller.maySee(schoolId)) {
            errors.put("school", text("archivist.extract.error.school", schoolId));
        }
        if (form.purpose() == null) {
            errors.put("purpose", text("archivist.extract.error.purpose"));
        }
        if (form.requester() == null) {
            errors.put("requester", text("archivist.extract.error.requester"));
        }
        if (!errors.containsKey("pupil") && !errors.containsKey("school")
                && extracts.sources(form.pupil(), schoolId).isEmpty()) {
            errors.put("pupil", text("archivist.extract.error.unknown", form.pupil()));
        }
        if (!errors.isEmpty()) {
            model.addAttribute("form", form);
            model.addAttribute("schools", caller.schools().stream().sorted().toList());
            model.addAttribute("errors", errors);
            return new org.springframework.web.servlet.ModelAndView("archivist/extract", model.asMap(),
                    HttpStatus.UNPROCESSABLE_ENTITY);
        }
        PupilExtracts.Issued issued = extracts.issue(new PupilExtracts.Request(form.pupil(), schoolId,
                form.purpose(), form.requester(), caller.name()));
        return ArchivistDocumentPage.pdf(issued.pdf(), "vypiska-" + issued.number() + ".pdf", issued.sha256());
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, ArchivistPages.RU);
    }

    private static String strip(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
