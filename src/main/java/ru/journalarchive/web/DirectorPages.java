package ru.journalarchive.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/** The director's section of the web interface ({@code /director/**}, open to that role only). */
@Controller
@RequestMapping("/director")
class DirectorPages {

    @GetMapping
    String index() {
        return "director/index";
    }
}
