package ru.journalarchive.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/** The archivist's section of the web interface ({@code /archivist/**}, open to that role only). */
@Controller
@RequestMapping("/archivist")
class ArchivistPages {

    @GetMapping
    String index() {
        return "archivist/index";
    }
}
