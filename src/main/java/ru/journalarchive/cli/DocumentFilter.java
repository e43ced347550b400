package ru.journalarchive.cli;

import picocli.CommandLine.Option;
import ru.journalarchive.registry.DocumentQuery;

/**
 * The registry filters shared by the commands that work on a selection of documents (a picocli mixin).
 */
class DocumentFilter {

    @Option(names = "--school", descriptionKey = "filter.school")
    String school;
    @Option(names = "--year", descriptionKey = "filter.year")
    String year;
    @Option(names = "--period", descriptionKey = "filter.period")
    String period;
    @Option(names = "--class", descriptionKey = "filter.class")
    String classId;

    DocumentQuery toQuery() {
        return new DocumentQuery(school, year, period, classId);
    }
}
