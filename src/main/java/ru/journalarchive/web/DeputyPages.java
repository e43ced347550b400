package ru.journalarchive.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/** The deputy head's section of the web interface ({@code /deputy/**}, open to that role only). */
@Controller
@RequestMapping("/deputy")
class DeputyPages {

    @GetMapping
    String index() {
        return "deputy/index";
    }
}
