package ru.journalarchive.web;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/** Shows the shared error page (404) for anything of the archivist's pages that the caller may not see. */
@ControllerAdvice(assignableTypes = {ArchivistPages.class, ArchivistDocumentPage.class, ArchivistExtractPage.class,
        ArchivistPaperPage.class, ArchivistActsPage.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class ArchivistErrors {

    @ExceptionHandler(ArchivistArchive.NotFound.class)
    ModelAndView notFound() {
        ModelAndView page = new ModelAndView("error", HttpStatus.NOT_FOUND);
        page.addObject("status", 404);
        return page;
    }
}
