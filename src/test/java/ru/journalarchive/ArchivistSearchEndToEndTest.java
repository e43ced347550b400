package ru.journalarchive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import ru.journalarchive.accesslog.AccessAction;
import ru.journalarchive.accesslog.AccessLog;
import ru.journalarchive.accesslog.AccessLogEntry;
import ru.journalarchive.registry.ArchivedDocument;
import ru.journalarchive.registry.DocumentQuery;
import ru.journalarchive.registry.DocumentRegistry;
import ru.journalarchive.search.ArchiveSearch;
import ru.journalarchive.search.IndexedPupil;
import ru.journalarchive.search.SearchIndex;
import ru.journalarchive.search.SearchQuery;
import ru.journalarchive.search.SearchResult;
import ru.journalarchive.support.Cli;
import ru.journalarchive.support.Snapshots;
import ru.journalarchive.synthetic.SyntheticSchoolGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The archivist's search end to end: schools closed through the real CLI are found by pupil name whatever the
 * ё/е, case, spaces or completeness of the name typed, filtered by school, year, class, period and type, and every
 * search lands in the insert-only access log.
 */
@SpringBootTest
@ActiveProfiles("test")
class ArchivistSearchEndToEndTest {

    /** A fictional pupil (no real person), put into a generated school. */
    static final String SEMYONOV = "Семёнов Иван Петрович";

    @Autowired
    ApplicationContext context;
    @Autowired
    DocumentRegistry registry;
    @Autowired
    ArchiveSearch search;
    @Autowired
    SearchIndex index;
    @Autowired
    AccessLog accessLog;
    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path tmp;

    Cli cli;

    @BeforeEach
    void cli() {
        cli = new Cli(context);
    }

    /** Closes a generated school with {@link #SEMYONOV} as the first pupil of its first marked class. */
    private String[] closeSchoolWithSemyonov(String schoolId, String year, String period) throws Exception {
        Path generated = tmp.resolve(schoolId + ".json");
        try (var out = java.nio.file.Files.newOutputStream(generated)) {
            SyntheticSchoolGenerator.write(new SyntheticSchoolGenerator.Options(60, 11L, schoolId, year, period), out);
        }
        String[] classAndPupil = new String[3];
        Path snapshot = Snapshots.mutate(generated, tmp.resolve(schoolId + "-semyonov.json"), s -> {
            ObjectNode schoolClass = Snapshots.markedClass(s);
            ObjectNode student = (ObjectNode) schoolClass.get("students").get(0);
            student.put("fullName", SEMYONOV);
            classAndPupil[0] = schoolClass.get("id").asString();
            classAndPupil[1] = student.get("id").asString();
            classAndPupil[2] = schoolClass.get("period").get("id").asString();
        });
        Cli.Result closed = cli.run("close", snapshot.toString());
        assertThat(closed.exitCode()).as(closed.err()).isZero();
        return classAndPupil;
    }

    @Test
    void semenovFindsSemyonovWhateverTheCaseTheSpacesOrHowMuchOfTheNameIsTyped() throws Exception {
        String[] found = closeSchoolWithSemyonov("search-yo", "2024/2025", "Q1");

        for (String typed : List.of("Семенов", "семенов", "СЕМЁНОВ", "Семен", "семенов  и", "  Семенов   Иван  ",
                "Семенов И.", "иван семенов", "Сем Ив Петр")) {
            Cli.Result result = cli.run("search", "--name", typed, "--school", "search-yo", "--by", "Архивариус");
            assertThat(result.exitCode()).as(typed + result.err()).isZero();
            assertThat(result.out()).as(typed).contains(SEMYONOV).contains("ученик " + found[1]);
        }
        // Word prefixes only: the middle of a word is not a match.
        Cli.Result infix = cli.run("search", "--name", "менов", "--school", "search-yo", "--by", "Архивариус");
        assertThat(infix.out()).doesNotContain(SEMYONOV).contains("Ничего не найдено");

        Cli.Result json = cli.run("search", "--name", "семенов иван", "--school", "search-yo", "--by", "Архивариус",
                "--json");
        List<JsonNode> lines = json.out().lines().map(Snapshots.JSON::readTree).toList();
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0).get("classId").asString()).isEqualTo(found[0]);
        assertThat(lines.get(0).get("type").asString()).isEqualTo("class-journal");
        assertThat(lines.get(0).get("version").asInt()).isEqualTo(1);
        assertThat(lines.get(0).get("occurrences")).hasSize(1);
        assertThat(lines.get(0).get("occurrences").get(0).get("fullName").asString()).isEqualTo(SEMYONOV);
        ArchivedDocument document = registry.get(java.util.UUID.fromString(lines.get(0).get("id").asString()));
        assertThat(document.classId()).isEqualTo(found[0]);
    }

    @Test
    void everyPupilOfEveryClosedClassIsIndexedWithItsDocument() throws Exception {
        closeSchoolWithSemyonov("search-all", "2024/2025", "Q1");
        List<ArchivedDocument> documents = registry.list(new DocumentQuery("search-all", null, null, null));
        long pupils = 0;
        for (ArchivedDocument d : documents) {
            pupils += jdbc.sql("SELECT count(*) FROM pupil_occurrence WHERE document_id = ?").param(d.id())
                    .query(Long.class).single();
        }
        long expected = jdbc.sql("""
                SELECT sum(jsonb_array_length(convert_from(f.canonical_json, 'UTF8')::jsonb -> 'class' -> 'students'))
                FROM frozen_journal f WHERE f.school_id = 'search-all'""").query(Long.class).single();
        assertThat(pupils).isPositive().isEqualTo(expected);

        // Lost index rows come back with `search reindex`; indexing again adds nothing.
        ArchivedDocument first = documents.get(0);
        jdbc.sql("DELETE FROM pupil_occurrence WHERE document_id = ?").param(first.id()).update();
        Cli.Result reindexed = cli.run("search", "reindex");
        assertThat(reindexed.exitCode()).as(reindexed.err()).isZero();
        assertThat(reindexed.out()).contains("документов 1");
        assertThat(cli.run("search", "reindex").out()).contains("документов 0, упоминаний учеников 0");
        assertThat(jdbc.sql("SELECT count(*) FROM pupil_occurrence o JOIN archived_document d ON d.id = o.document_id"
                + " WHERE d.school_id = 'search-all'").query(Long.class).single()).isEqualTo(expected);
    }

    @Test
    void theFiltersNarrowBySchoolYearClassPeriodAndType() throws Exception {
        String[] a = closeSchoolWithSemyonov("search-fa", "2023/2024", "Q2");
        String[] b = closeSchoolWithSemyonov("search-fb", "2024/2025", "Q1");

        assertThat(documentsFound(new SearchQuery(null, null, null, null, null, "Семенов Иван", 500)))
                .extracting(SearchResult.DocumentHit::schoolId).contains("search-fa", "search-fb");
        assertThat(documentsFound(new SearchQuery("search-fa", null, null, null, null, "Семенов Иван", 500)))
                .extracting(SearchResult.DocumentHit::schoolId).containsOnly("search-fa");
        assertThat(documentsFound(new SearchQuery(null, "2023/2024", null, null, null, "Семенов Иван", 500)))
                .extracting(SearchResult.DocumentHit::schoolId).containsOnly("search-fa");
        assertThat(documentsFound(new SearchQuery(null, null, null, b[2], null, "Семенов Иван", 500)))
                .extracting(SearchResult.DocumentHit::periodId).containsOnly(b[2]);
        assertThat(documentsFound(new SearchQuery("search-fa", null, a[0], null, null, null, 500)))
                .singleElement().satisfies(hit -> {
                    assertThat(hit.classId()).isEqualTo(a[0]);
                    assertThat(hit.occurrences()).extracting(SearchResult.Occurrence::fullName).contains(SEMYONOV);
                });
        assertThat(documentsFound(new SearchQuery("search-fa", null, null, null, "summary-statement", null, 500)))
                .isEmpty();

        // Another document type is indexed through the public API and found by its type.
        ArchivedDocument journal = registry.list(new DocumentQuery("search-fa", null, null, a[0])).get(0);
        assertThat(index.index(journal.id(), List.of(new IndexedPupil("x-1", "Ёлкина Мария Ивановна")))).isEqualTo(1);
        assertThat(index.index(journal.id(), List.of(new IndexedPupil("x-1", "Ёлкина Мария Ивановна")))).isZero();
        assertThat(documentsFound(SearchQuery.byName("елкина"))).singleElement()
                .satisfies(hit -> assertThat(hit.occurrences()).extracting(SearchResult.Occurrence::fullName)
                        .containsExactly("Ёлкина Мария Ивановна"));
    }

    @Test
    void everySearchIsInTheAccessLogWithWhoWhatAndWhy() throws Exception {
        closeSchoolWithSemyonov("search-log", "2024/2025", "Q1");
        long before = accessLog.list(null, null).size();

        Cli.Result result = cli.run("search", "--name", "Семенов", "--school", "search-log", "--by", "Смирнова А. А.",
                "--purpose", "запрос выписки № 5", "--requester", "бывший ученик");
        assertThat(result.exitCode()).isZero();

        List<AccessLogEntry> entries = accessLog.list(null, null);
        assertThat(entries).hasSize((int) before + 1);
        AccessLogEntry last = entries.get(entries.size() - 1);
        assertThat(last.entry().action()).isEqualTo(AccessAction.SEARCH);
        assertThat(last.entry().actor()).isEqualTo("Смирнова А. А.");
        assertThat(last.entry().queryText()).isEqualTo("school=search-log name=Семенов");
        assertThat(last.entry().resultCount()).isEqualTo(1);
        assertThat(last.entry().purpose()).isEqualTo("запрос выписки № 5");
        assertThat(last.entry().requester()).isEqualTo("бывший ученик");

        Cli.Result printed = cli.run("access-log", "--json");
        assertThat(printed.out()).contains("\"actor\":\"Смирнова А. А.\"").contains("\"action\":\"search\"");

        // Who searched is required; nothing is logged without it.
        Cli.Result anonymous = cli.run("search", "--name", "Семенов");
        assertThat(anonymous.exitCode()).isEqualTo(2);
        assertThat(anonymous.err()).contains("--by");
        assertThat(accessLog.list(null, null)).hasSize((int) before + 1);
    }

    @Test
    void badSearchInputIsRefusedInRussianNamingTheField() {
        assertThat(cli.run("search", "--year", "2024", "--by", "А").err()).contains("--year");
        assertThat(cli.run("search", "--school", "школа 7", "--by", "А").err()).contains("--school");
        assertThat(cli.run("search", "--name", "...", "--by", "А").err()).contains("--name");
        assertThat(cli.run("search", "--by", "А").err()).contains("хотя бы один признак");
        assertThat(cli.run("search", "--year", "2024", "--by", "А").exitCode()).isEqualTo(2);
        assertThat(cli.run("access-log", "--since", "вчера").exitCode()).isEqualTo(2);
    }

    @Test
    void theAccessLogRefusesUpdateDeleteAndTruncate() throws Exception {
        cli.run("search", "--name", "Никто", "--by", "Проверяющий");
        assertThatThrownBy(() -> jdbc.sql("UPDATE access_log SET actor = 'другой'").update())
                .hasMessageContaining("write-once");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM access_log").update()).hasMessageContaining("write-once");
        assertThatThrownBy(() -> jdbc.sql("TRUNCATE access_log").update()).hasMessageContaining("write-once");
        assertThat(accessLog.list(null, null)).isNotEmpty();
    }

    private List<SearchResult.DocumentHit> documentsFound(SearchQuery query) {
        return search.search(query, "Тест", null, null).documents();
    }
}
