package ru.journalarchive.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/** The IT administrator's section of the web interface ({@code /it/**}, open to that role only). */
@Controller
@RequestMapping("/it")
class ItPages {

    @GetMapping
    String index() {
        return "it/index";
    }
}
