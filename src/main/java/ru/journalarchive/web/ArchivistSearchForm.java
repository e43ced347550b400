package ru.journalarchive.web;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ru.journalarchive.search.PupilNames;
import ru.journalarchive.search.SearchQuery;

/**
 * The archivist's search as typed in the page or the API: the criteria of {@code search} on the command line, checked
 * the same way (ids, the academic year «2024/2025», a name with letters, at least one criterion), plus why and for
 * whom the search is made.
 */
record ArchivistSearchForm(String school, String year, String classId, String period, String type, String name,
                           String purpose, String requester, Integer limit) {

    private static final Pattern YEAR = Pattern.compile("(\\d{4})[/-](\\d{4})");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    /** One field's problem: the field, the message key (in {@code web-archivist.properties}) and its arguments. */
    record FieldError(String field, String key, Object... args) {
    }

    ArchivistSearchForm {
        school = blankToNull(school);
        year = blankToNull(year);
        classId = blankToNull(classId);
        period = blankToNull(period);
        type = blankToNull(type);
        name = blankToNull(name);
        purpose = blankToNull(purpose);
        requester = blankToNull(requester);
    }

    /** Whether anything was asked at all (an empty form is just the page). */
    boolean submitted() {
        return school != null || year != null || classId != null || period != null || type != null || name != null;
    }

    /** Every problem with the input, in field order; empty when the search may run. */
    List<FieldError> errors() {
        List<FieldError> errors = new ArrayList<>();
        id(errors, "school", school);
        if (year != null) {
            Matcher m = YEAR.matcher(year);
            if (!m.matches() || Integer.parseInt(m.group(2)) != Integer.parseInt(m.group(1)) + 1) {
                errors.add(new FieldError("year", "archivist.search.error.year", year));
            }
        }
        id(errors, "class", classId);
        id(errors, "period", period);
        id(errors, "type", type);
        if (name != null && (name.length() > 200 || PupilNames.words(name).isEmpty())) {
            errors.add(new FieldError("name", "archivist.search.error.name"));
        }
        if (limit != null && (limit < 1 || limit > 10_000)) {
            errors.add(new FieldError("limit", "archivist.search.error.limit", limit));
        }
        if (errors.isEmpty() && !submitted()) {
            errors.add(new FieldError("name", "archivist.search.error.noCriteria"));
        }
        return errors;
    }

    /** The query for the search service (valid input only). */
    SearchQuery query() {
        return new SearchQuery(school, year == null ? null : year.replace('-', '/'), classId, period, type, name,
                limit == null ? SearchQuery.DEFAULT_LIMIT : limit);
    }

    private static void id(List<FieldError> errors, String field, String value) {
        if (value != null && !ID.matcher(value).matches()) {
            errors.add(new FieldError(field, "archivist.search.error.id", value));
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
