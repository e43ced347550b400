package ru.journalarchive.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import ru.journalarchive.security.Caller;

/**
 * The director's section of the web interface ({@code /director/**}, open to that role only): the start page sums up
 * what awaits the director in their schools — documents to sign, destruction acts to approve, active holds.
 */
@Controller
@RequestMapping("/director")
class DirectorPages {

    private final DirectorScope scope;
    private final DirectorSigningRuns runs;

    DirectorPages(DirectorScope scope, DirectorSigningRuns runs) {
        this.scope = scope;
        this.runs = runs;
    }

    @GetMapping
    String index(@AuthenticationPrincipal Caller caller, Model model) {
        model.addAttribute("schools", String.join(", ", DirectorScope.schools(caller)));
        model.addAttribute("unsigned", scope.unsigned(caller).size());
        model.addAttribute("acts", scope.awaitingApproval(caller).size());
        model.addAttribute("holds", scope.activeHolds(caller).size());
        model.addAttribute("signing", runs.lastOf(caller.name()).filter(p -> !p.finished()).isPresent());
        return "director/index";
    }
}
