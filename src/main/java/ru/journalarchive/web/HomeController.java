package ru.journalarchive.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import ru.journalarchive.security.Caller;

/** The login page, and the start page that sends each staff member to their role's section. */
@Controller
class HomeController {

    @GetMapping("/login")
    String login() {
        return "login";
    }

    @GetMapping("/")
    String home(@AuthenticationPrincipal Caller caller) {
        return "redirect:" + UiPaths.home(caller.role());
    }
}
