package ru.journalarchive.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The IT administrator's section of the web interface ({@code /it/**}, open to that role only); its start page is
 * the health of every storage location.
 */
@Controller
@RequestMapping("/it")
class ItPages {

    private final ItStorageHealth health;

    ItPages(ItStorageHealth health) {
        this.health = health;
    }

    @GetMapping
    String index(Model model) {
        model.addAttribute("locations", health.locations());
        model.addAttribute("days", ItStorageHealth.DAYS);
        return "it/index";
    }
}
