package ru.journalarchive.cli;

import java.util.Locale;
import java.util.concurrent.Callable;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import ru.journalarchive.search.SearchBenchmark;

/**
 * {@code benchmark-search}: fills an empty registry with at least N synthetic pupil occurrences (a district over 25
 * years) and measures random name searches: median, p95, p99 and maximum latency, and the fill time.
 */
@Component
@Scope("prototype") // options must not carry over between runs in one process
@Command(name = "benchmark-search", mixinStandardHelpOptions = true, resourceBundle = "i18n.cli-search")
class BenchmarkSearchCommand implements Callable<Integer> {

    @Option(names = "--occurrences", defaultValue = "1000000", descriptionKey = "benchSearch.occurrences")
    long occurrences;
    @Option(names = "--queries", defaultValue = "1000", descriptionKey = "benchSearch.queries")
    int queries;
    @Option(names = "--seed", defaultValue = "1", descriptionKey = "benchSearch.seed")
    long seed;

    private final SearchBenchmark benchmark;
    private final Messages messages;

    BenchmarkSearchCommand(SearchBenchmark benchmark, Messages messages) {
        this.benchmark = benchmark;
        this.messages = messages;
    }

    @Override
    public Integer call() {
        if (occurrences < 1 || occurrences > 100_000_000L) {
            System.err.println(messages.get("benchSearch.error.occurrences", String.valueOf(occurrences)));
            return SearchCommand.BAD_INPUT;
        }
        if (queries < 1 || queries > 1_000_000) {
            System.err.println(messages.get("benchSearch.error.queries", String.valueOf(queries)));
            return SearchCommand.BAD_INPUT;
        }
        SearchBenchmark.Fill fill;
        try {
            fill = benchmark.fill(occurrences, seed);
        } catch (IllegalStateException notEmpty) {
            System.err.println(messages.get("benchSearch.error.notEmpty"));
            return SearchCommand.BAD_INPUT;
        }
        // Machine-readable figures, in the same form as `benchmark`'s.
        System.out.printf(Locale.ROOT, "benchmark-search: schools=%d documents=%d occurrences=%d names=%d"
                + " words=%d fill=%.1fs%n", fill.schools(), fill.documents(), fill.occurrences(), fill.names(),
                fill.words(),
                fill.millis() / 1000.0);
        SearchBenchmark.Latency latency = benchmark.run(queries, seed);
        System.out.printf(Locale.ROOT, "benchmark-search: queries=%d median=%.2fms p95=%.2fms p99=%.2fms"
                + " max=%.2fms mean-matches=%.0f%n", latency.queries(), latency.medianMillis(), latency.p95Millis(),
                latency.p99Millis(), latency.maxMillis(), latency.meanMatches());
        return 0;
    }
}
