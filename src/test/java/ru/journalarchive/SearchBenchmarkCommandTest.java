package ru.journalarchive;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import ru.journalarchive.search.ArchiveSearch;
import ru.journalarchive.search.SearchQuery;
import ru.journalarchive.support.Cli;

/**
 * The search benchmark command on a small registry of its own: it fills at least the occurrences asked for (with the
 * name words), measures the queries it says, and the filled registry is searchable. No timing is asserted.
 */
@SpringBootTest(properties = "archive.data-directory=target/test-data/search-benchmark-${random.uuid}")
@ActiveProfiles("test")
class SearchBenchmarkCommandTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ArchiveSearch search;

    @Test
    void benchmarkSearchFillsAnEmptyRegistryMeasuresTheQueriesAndRefusesARegistryInUse() {
        Cli cli = new Cli(context);

        Cli.Result result = cli.run("benchmark-search", "--occurrences", "10000", "--queries", "40", "--seed", "3");

        assertThat(result.exitCode()).as(result.err()).isZero();
        Matcher fill = Pattern.compile("occurrences=(\\d+) names=(\\d+) words=(\\d+)").matcher(result.out());
        assertThat(fill.find()).as(result.out()).isTrue();
        long occurrences = Long.parseLong(fill.group(1));
        assertThat(occurrences).isGreaterThanOrEqualTo(10_000)
                .isEqualTo(jdbc.sql("SELECT count(*) FROM pupil_occurrence").query(Long.class).single());
        long names = Long.parseLong(fill.group(2));
        assertThat(names).isPositive().isLessThanOrEqualTo(occurrences)
                .isEqualTo(jdbc.sql("SELECT count(*) FROM pupil_name").query(Long.class).single());
        assertThat(Long.parseLong(fill.group(3))).isEqualTo(3 * names);
        assertThat(result.out()).containsPattern("queries=40 median=[0-9.]+ms p95=[0-9.]+ms");
        String name = jdbc.sql("SELECT full_name FROM pupil_occurrence ORDER BY id LIMIT 1").query(String.class)
                .single();
        assertThat(search.search(SearchQuery.byName(name.toUpperCase().replace('Ё', 'Е')), "Тест", null, null)
                .documents()).isNotEmpty();

        Cli.Result again = cli.run("benchmark-search", "--occurrences", "100");
        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.err()).contains("пустом реестре");
    }
}
