package ru.journalarchive.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import ru.journalarchive.search.ArchiveSearch;
import ru.journalarchive.search.SearchQuery;
import ru.journalarchive.search.SearchResult;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code search}: the archivist's search by school, year, class, period, document type and (part of) a pupil's
 * name; prints the documents and, under each, the pupils found in it. Every search goes to the access log with
 * {@code --by}. Exit 0 (also when nothing is found), 2 for bad input.
 */
@Component
@Scope("prototype") // options must not carry over between runs in one process
@Command(name = "search", mixinStandardHelpOptions = true, resourceBundle = "i18n.cli-search",
        subcommands = SearchReindexCommand.class)
class SearchCommand implements Callable<Integer> {

    static final int BAD_INPUT = 2;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern YEAR = Pattern.compile("(\\d{4})[/-](\\d{4})");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    @Option(names = "--school", descriptionKey = "search.school")
    String school;
    @Option(names = "--year", descriptionKey = "search.year")
    String year;
    @Option(names = "--class", descriptionKey = "search.class")
    String classId;
    @Option(names = "--period", descriptionKey = "search.period")
    String period;
    @Option(names = "--type", descriptionKey = "search.type")
    String type;
    @Option(names = "--name", descriptionKey = "search.name")
    String name;
    @Option(names = "--by", descriptionKey = "search.by")
    String by;
    @Option(names = "--purpose", descriptionKey = "search.purpose")
    String purpose;
    @Option(names = "--requester", descriptionKey = "search.requester")
    String requester;
    @Option(names = "--limit", descriptionKey = "search.limit")
    int limit = SearchQuery.DEFAULT_LIMIT;
    @Option(names = "--json", descriptionKey = "search.json")
    boolean json;

    private final ArchiveSearch search;
    private final Messages messages;

    SearchCommand(ArchiveSearch search, Messages messages) {
        this.search = search;
        this.messages = messages;
    }

    @Override
    public Integer call() {
        String problem = validate();
        if (problem != null) {
            System.err.println(problem);
            return BAD_INPUT;
        }
        SearchQuery query = new SearchQuery(school, normalisedYear(), classId, period, type, name, limit);
        SearchResult result = search.search(query, by, purpose, requester);
        for (SearchResult.DocumentHit hit : result.documents()) {
            if (json) {
                System.out.println(JSON.writeValueAsString(toJson(hit)));
                continue;
            }
            System.out.println(messages.get("search.document", hit.academicYear(), hit.schoolId(), hit.className(),
                    hit.periodId(), hit.documentType(), hit.version(), hit.documentId().toString()));
            hit.occurrences().forEach(o -> System.out.println(messages.get("search.pupil", o.fullName(), o.pupilId())));
        }
        if (!json) {
            System.out.println(result.documents().isEmpty() ? messages.get("search.nothing")
                    : messages.get(result.moreThanTotal() ? "search.totalMore" : "search.total",
                            result.documents().size(), result.returnedOccurrences(), result.totalOccurrences()));
            if (result.truncated()) {
                System.out.println(messages.get("search.truncated", limit));
            }
        }
        return 0;
    }

    private String validate() {
        if (by == null || by.isBlank()) {
            return messages.get("search.error.by");
        }
        if (school != null && !ID.matcher(school).matches()) {
            return messages.get("search.error.id", "--school", school);
        }
        if (classId != null && !ID.matcher(classId).matches()) {
            return messages.get("search.error.id", "--class", classId);
        }
        if (period != null && !ID.matcher(period).matches()) {
            return messages.get("search.error.id", "--period", period);
        }
        if (type != null && !ID.matcher(type).matches()) {
            return messages.get("search.error.id", "--type", type);
        }
        if (year != null) {
            var m = YEAR.matcher(year);
            if (!m.matches() || Integer.parseInt(m.group(2)) != Integer.parseInt(m.group(1)) + 1) {
                return messages.get("search.error.year", year);
            }
        }
        if (name != null && (name.length() > 200 || ru.journalarchive.search.PupilNames.words(name).isEmpty())) {
            return messages.get("search.error.name");
        }
        if (limit < 1 || limit > 10_000) {
            return messages.get("search.error.limit", limit);
        }
        if (school == null && year == null && classId == null && period == null && type == null
                && (name == null || name.isBlank())) {
            return messages.get("search.error.noCriteria");
        }
        return null;
    }

    private String normalisedYear() {
        return year == null ? null : year.replace('-', '/');
    }

    private static Map<String, Object> toJson(SearchResult.DocumentHit hit) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", hit.documentId().toString());
        m.put("type", hit.documentType());
        m.put("schoolId", hit.schoolId());
        m.put("academicYear", hit.academicYear());
        m.put("classId", hit.classId());
        m.put("className", hit.className());
        m.put("period", hit.periodId());
        m.put("version", hit.version());
        List<Map<String, String>> pupils = hit.occurrences().stream()
                .map(o -> Map.of("pupilId", o.pupilId(), "fullName", o.fullName())).toList();
        m.put("occurrences", pupils);
        return m;
    }
}
