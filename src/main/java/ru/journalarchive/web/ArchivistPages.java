package ru.journalarchive.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import ru.journalarchive.search.SearchResult;
import ru.journalarchive.security.Caller;

/**
 * The archivist's section of the web interface ({@code /archivist/**}, open to that role only); its start page is
 * the search of the archive by pupil, school, year, class, period and kind of document.
 */
@Controller
@RequestMapping("/archivist")
class ArchivistPages {

    static final Locale RU = Locale.forLanguageTag("ru");

    private final ArchivistArchive archive;
    private final MessageSource messages;

    ArchivistPages(ArchivistArchive archive, MessageSource messages) {
        this.archive = archive;
        this.messages = messages;
    }

    @GetMapping
    String index(@RequestParam(required = false) String school, @RequestParam(required = false) String year,
            @RequestParam(name = "class", required = false) String classId,
            @RequestParam(required = false) String period, @RequestParam(required = false) String type,
            @RequestParam(required = false) String name, @RequestParam(required = false) String purpose,
            @RequestParam(required = false) String requester, @AuthenticationPrincipal Caller caller, Model model) {
        ArchivistSearchForm form = new ArchivistSearchForm(school, year, classId, period, type, name, purpose,
                requester, null);
        model.addAttribute("form", form);
        model.addAttribute("schools", caller.schools().stream().sorted().toList());
        if (form.submitted()) {
            Map<String, String> errors = texts(messages, form.errors());
            model.addAttribute("errors", errors);
            if (errors.isEmpty()) {
                List<SearchResult.DocumentHit> hits = archive.search(caller, form.query(), form.purpose(),
                        form.requester());
                model.addAttribute("hits", hits);
            }
        }
        return "archivist/index";
    }

    /** The Russian text of each field's first problem. */
    static Map<String, String> texts(MessageSource messages, List<ArchivistSearchForm.FieldError> errors) {
        Map<String, String> texts = new LinkedHashMap<>();
        errors.forEach(e -> texts.putIfAbsent(e.field(), messages.getMessage(e.key(), e.args(), RU)));
        return texts;
    }
}
