package ru.journalarchive.web;

import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import ru.journalarchive.audit.AuditHistory;
import ru.journalarchive.audit.AuditMode;
import ru.journalarchive.jobs.BackgroundAudits;
import ru.journalarchive.security.Caller;

/**
 * {@code /it/audit}: the latest fixity audit runs, the failures and repairs of the caller's schools' documents
 * (newest first, paged), and a button that starts a full audit in the background, with its progress polled from
 * {@code /it/audit/progress}.
 */
@Controller
@RequestMapping("/it/audit")
class ItAuditPages {

    static final int PAGE_SIZE = 20;

    private final AuditHistory history;
    private final BackgroundAudits audits;

    ItAuditPages(AuditHistory history, BackgroundAudits audits) {
        this.history = history;
        this.audits = audits;
    }

    @GetMapping
    String audit(@RequestParam(defaultValue = "0") int page, @AuthenticationPrincipal Caller caller, Model model) {
        long total = history.countFailures(caller.schools());
        int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        int current = Math.max(0, Math.min(page, pages - 1));
        model.addAttribute("runs", history.runs(10));
        model.addAttribute("failures", history.failures(caller.schools(), current * PAGE_SIZE, PAGE_SIZE));
        model.addAttribute("total", total);
        model.addAttribute("page", current);
        model.addAttribute("pages", pages);
        model.addAttribute("state", audits.state());
        model.addAttribute("running", audits.state().running() || audits.progress().isPresent());
        return "it/audit";
    }

    @PostMapping("/start")
    String start(@AuthenticationPrincipal Caller caller, RedirectAttributes flash) {
        boolean started = audits.start(AuditMode.FULL, caller.name());
        flash.addFlashAttribute(started ? "notice" : "error", started ? "it.audit.started" : "it.audit.busy");
        return "redirect:/it/audit";
    }

    /** How far the audit is, for the page's script. */
    @GetMapping(path = "/progress", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    Map<String, Object> progress() {
        BackgroundAudits.State state = audits.state();
        var progress = audits.progress();
        boolean running = state.running() || progress.isPresent();
        long total = history.replicaCount();
        long checked = progress.map(p -> p.summary().checked()).orElse(running ? 0L : total);
        var body = new java.util.LinkedHashMap<String, Object>();
        body.put("running", running);
        body.put("checked", Math.min(checked, total));
        body.put("total", total);
        body.put("run", progress.map(BackgroundAudits.Progress::run)
                .orElse(state.last() == null ? null : state.last().run()));
        if (!running && state.last() != null) {
            body.put("status", state.last().job().status());
            body.put("failures", state.last().summary().failures());
            body.put("unresolved", state.last().summary().unresolved());
        }
        body.put("error", state.error());
        return body;
    }
}
