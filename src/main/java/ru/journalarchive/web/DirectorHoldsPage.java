package ru.journalarchive.web;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import ru.journalarchive.registry.ArchivedDocument;
import ru.journalarchive.retention.Hold;
import ru.journalarchive.retention.HoldException;
import ru.journalarchive.retention.HoldRequest;
import ru.journalarchive.retention.HoldScope;
import ru.journalarchive.retention.Holds;
import ru.journalarchive.security.Caller;

/**
 * The holds of the director's schools (запреты на уничтожение: an inspection, a dispute, an archive's demand): the
 * active ones listed, a new one placed with its scope as {@code hold place} allows (a document, a class in a year, a
 * school's year, the whole school) and released with a reason, through {@link Holds}; bad input is named by field.
 */
@Controller
@RequestMapping("/director/holds")
class DirectorHoldsPage {

    private final DirectorScope scope;
    private final Holds holds;

    DirectorHoldsPage(DirectorScope scope, Holds holds) {
        this.scope = scope;
        this.holds = holds;
    }

    /** The place-a-hold form as typed. */
    record HoldForm(String scope, String school, String year, String classId, String document, String reason) {
    }

    /** A known class of the caller's schools, for the class field's suggestions. */
    record KnownClass(String classId, String label) {
    }

    @GetMapping
    String list(@AuthenticationPrincipal Caller caller, Model model) {
        return page(caller, model, new HoldForm("class", DirectorScope.schools(caller).stream().findFirst()
                .orElse(null), null, null, null, null), Map.of(), null, null);
    }

    @PostMapping
    String place(@AuthenticationPrincipal Caller caller, @ModelAttribute HoldForm form, Model model,
            RedirectAttributes redirect) {
        Map<String, String> errors = new LinkedHashMap<>();
        HoldScope holdScope = null;
        try {
            holdScope = HoldScope.of(blankToNull(form.scope()));
        } catch (HoldException e) {
            errors.put("scope", scope.text("director.holds.error.scope"));
        }
        String school = blankToNull(form.school());
        UUID documentId = null;
        if (holdScope != null && holdScope != HoldScope.DOCUMENT) {
            if (school == null || !caller.maySee(school)) {
                errors.put("school", scope.text("director.holds.error.school"));
            }
            if (holdScope == HoldScope.CLASS || holdScope == HoldScope.ACADEMIC_YEAR) {
                String year = blankToNull(form.year());
                if (year == null) {
                    errors.put("year", scope.text("director.holds.error.year.required"));
                } else if (!year.strip().matches("\\d{4}/\\d{4}")
                        || Integer.parseInt(year.strip().substring(5)) != Integer.parseInt(year.strip().substring(0, 4)) + 1) {
                    errors.put("year", scope.text("director.holds.error.year.format"));
                }
            }
            if (holdScope == HoldScope.CLASS && blankToNull(form.classId()) == null) {
                errors.put("classId", scope.text("director.holds.error.class.required"));
            }
        }
        if (holdScope == HoldScope.DOCUMENT) {
            documentId = documentOf(caller, form.document());
            if (documentId == null) {
                errors.put("document", scope.text("director.holds.error.document"));
            }
            school = null;
        }
        if (blankToNull(form.reason()) == null) {
            errors.put("reason", scope.text("director.holds.error.reason"));
        }
        if (!errors.isEmpty()) {
            return page(caller, model, form, errors, null, null);
        }
        try {
            Holds.HoldResult result = holds.place(new HoldRequest(holdScope, school, strip(form.year()),
                    strip(form.classId()), documentId, form.reason(), caller.name()));
            redirect.addFlashAttribute("notice", "director.holds.placed");
            redirect.addFlashAttribute("noticeArg", result.documents());
            return "redirect:/director/holds";
        } catch (HoldException refused) {
            // The service's own refusal (e.g. nothing archived matches the class and year): named by its field.
            String field = switch (refused.field()) {
                case "class" -> "classId";
                case "year", "school", "document", "reason", "scope" -> refused.field();
                default -> "scope";
            };
            return page(caller, model, form, Map.of(field, refused.getMessage()), null, null);
        }
    }

    @PostMapping("/{id}/release")
    String release(@AuthenticationPrincipal Caller caller, @PathVariable String id,
            @RequestParam(required = false) String reason, Model model, RedirectAttributes redirect) {
        Hold hold = scope.hold(caller, id);
        if (reason == null || reason.isBlank()) {
            return page(caller, model, null, Map.of(), hold.id(), scope.text("director.holds.error.releaseReason"));
        }
        try {
            holds.release(hold.id(), reason, caller.name());
        } catch (HoldException refused) {
            return page(caller, model, null, Map.of(), hold.id(), refused.getMessage());
        }
        redirect.addFlashAttribute("notice", "director.holds.released");
        redirect.addFlashAttribute("noticeArg", hold.reason());
        return "redirect:/director/holds";
    }

    private UUID documentOf(Caller caller, String value) {
        if (blankToNull(value) == null) {
            return null;
        }
        try {
            return scope.document(caller, value.strip()).id();
        } catch (DirectorNotFound notTheirs) {
            return null; // unknown, malformed or another school's: the same answer
        }
    }

    private String page(Caller caller, Model model, HoldForm form, Map<String, String> errors, UUID releaseFailed,
            String releaseError) {
        model.addAttribute("holds", scope.activeHolds(caller));
        model.addAttribute("schools", DirectorScope.schools(caller));
        model.addAttribute("form", form == null ? new HoldForm("class", DirectorScope.schools(caller).stream()
                .findFirst().orElse(null), null, null, null, null) : form);
        model.addAttribute("errors", errors);
        model.addAttribute("releaseFailed", releaseFailed);
        model.addAttribute("releaseError", releaseError);
        Set<KnownClass> classes = new LinkedHashSet<>();
        for (ArchivedDocument d : scope.documents(caller)) {
            if (d.classId() != null && !d.classId().startsWith("act-")) {
                classes.add(new KnownClass(d.classId(), d.className() + " (" + d.schoolId() + ")"));
            }
        }
        model.addAttribute("classes", classes);
        return "director/holds";
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static String strip(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
