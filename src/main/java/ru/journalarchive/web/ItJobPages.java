package ru.journalarchive.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import ru.journalarchive.jobs.JobExecutions;
import ru.journalarchive.jobs.JobRestarts;
import ru.journalarchive.security.Caller;

/**
 * {@code /it/jobs}: Spring Batch's job executions of the IT administrator's schools ({@link ItJobScope}; another
 * school's is 404) newest first, one execution with its steps, and the restart of a
 * failed or stopped one in the background ({@link JobRestarts}), its progress polled from
 * {@code /it/jobs/{id}/restart}.
 */
@Controller
@RequestMapping("/it/jobs")
class ItJobPages {

    static final int PAGE_SIZE = 20;

    private final ItJobScope executions;
    private final JobRestarts restarts;

    ItJobPages(ItJobScope executions, JobRestarts restarts) {
        this.executions = executions;
        this.restarts = restarts;
    }

    @GetMapping
    String list(@RequestParam(defaultValue = "0") int page, @AuthenticationPrincipal Caller caller, Model model) {
        JobExecutions.Page first = executions.list(caller, Math.max(0, page), PAGE_SIZE);
        JobExecutions.Page shown = first.executions().isEmpty() && page > 0
                ? executions.list(caller, first.pages() - 1, PAGE_SIZE) : first;
        model.addAttribute("page", shown);
        return "it/jobs";
    }

    @GetMapping("/{id}")
    String execution(@PathVariable long id, @AuthenticationPrincipal Caller caller, Model model) {
        JobExecutions.Execution execution = executions.get(caller, id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("execution", execution);
        model.addAttribute("restart", restarts.outcome(id).orElse(null));
        return "it/job";
    }

    @PostMapping("/{id}/restart")
    String restart(@PathVariable long id, @AuthenticationPrincipal Caller caller, RedirectAttributes flash) {
        if (executions.get(caller, id).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND); // another school's execution
        }
        try {
            restarts.start(id);
            flash.addFlashAttribute("notice", "it.job.restart.started");
        } catch (JobRestarts.RestartRefusedException e) {
            if ("not-found".equals(e.reason())) {
                throw new ResponseStatusException(HttpStatus.NOT_FOUND);
            }
            flash.addFlashAttribute("error", "it.job.restart.refused." + e.reason());
        }
        return "redirect:/it/jobs/" + id;
    }

    /** Where the restart of this execution stands, for the page's script. */
    @GetMapping(path = "/{id}/restart", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    Map<String, Object> restartProgress(@PathVariable long id, @AuthenticationPrincipal Caller caller) {
        if (executions.get(caller, id).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        restarts.outcome(id).ifPresentOrElse(o -> {
            body.put("running", o.running());
            body.put("executionId", o.run() == null ? null : o.run().executionId());
            body.put("status", o.run() == null ? null : o.run().status());
            body.put("error", o.error());
        }, () -> body.put("running", false));
        return body;
    }
}
