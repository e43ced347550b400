package ru.journalarchive.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import ru.journalarchive.backup.BackupMedia;

/**
 * {@code /it/media}: the register of backup media (what, where kept, handed to the director) and the log of their
 * use (who took one, when, why, returned when); read-only — issuing and returning stay with the command line.
 */
@Controller
@RequestMapping("/it/media")
class ItMediaPages {

    private final BackupMedia media;

    ItMediaPages(BackupMedia media) {
        this.media = media;
    }

    @GetMapping
    String media(Model model) {
        java.util.List<ru.journalarchive.backup.BackupMedium> newestFirst = new java.util.ArrayList<>(media.list());
        java.util.Collections.reverse(newestFirst);
        model.addAttribute("media", newestFirst);
        return "it/media";
    }
}
