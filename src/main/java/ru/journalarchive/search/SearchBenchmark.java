package ru.journalarchive.search;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import ru.journalarchive.synthetic.FictionalNames;

/**
 * The search benchmark: fills an empty registry with a synthetic district (schools × 25 academic years × classes
 * 1–11 × periods, 25 fictional pupils a class who stay in their cohort from year to year) through COPY, then runs
 * random name queries through the real search code path and measures each.
 */
@Component
public class SearchBenchmark {

    /** Academic years of the synthetic district: 25, the summary statements' term. */
    static final int YEARS = 25;
    static final int FIRST_YEAR = 2000;
    static final int PUPILS_PER_CLASS = 25;
    private static final String[] LETTERS = {"А", "Б", "В"};
    private static final String[] LETTER_IDS = {"a", "b", "v"};

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final ArchiveSearch search;

    SearchBenchmark(DataSource dataSource, JdbcClient jdbc, ArchiveSearch search) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.search = search;
    }

    /** What the fill made and how long it took. */
    public record Fill(int schools, long documents, long occurrences, long names, long words, long millis) {
    }

    /** The measured queries: latency figures in milliseconds and the mean number of matching occurrences. */
    public record Latency(int queries, double medianMillis, double p95Millis, double p99Millis, double maxMillis,
                          double meanMatches) {
    }

    /**
     * Fills the registry with at least {@code occurrences} synthetic pupil occurrences.
     *
     * @throws IllegalStateException if the registry holds documents already (the benchmark never mixes into an archive)
     */
    public Fill fill(long occurrences, long seed) {
        long existing = jdbc.sql("SELECT count(*) FROM archived_document").query(Long.class).single();
        if (existing > 0) {
            throw new IllegalStateException("the registry is not empty: " + existing + " documents");
        }
        long perSchool = perSchoolOccurrences();
        int schools = (int) Math.max(1, (occurrences + perSchool - 1) / perSchool);
        long start = System.nanoTime();
        long documents = 0;
        long rows = 0;
        java.util.Map<String, Long> nameIds = new java.util.HashMap<>();
        try (Connection connection = dataSource.getConnection()) {
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            for (int s = 0; s < schools; s++) {
                StringBuilder docs = new StringBuilder(1 << 20);
                StringBuilder occs = new StringBuilder(1 << 22);
                StringBuilder newNames = new StringBuilder(1 << 20);
                String school = "bench-" + (s + 1);
                for (int y = 0; y < YEARS; y++) {
                    int year = FIRST_YEAR + y;
                    String academicYear = year + "/" + (year + 1);
                    for (int grade = 1; grade <= 11; grade++) {
                        for (int l = 0; l < LETTERS.length; l++) {
                            // A cohort keeps its pupils (and their names) from grade 1 to 11.
                            long cohort = ((long) (year - grade) * 1000 + s) * 10 + l;
                            String[] names = cohortNames(seed, cohort);
                            for (String period : grade >= 10 ? new String[] {"H1", "H2"}
                                    : new String[] {"Q1", "Q2", "Q3", "Q4"}) {
                                UUID id = UUID.randomUUID();
                                String classId = grade + LETTER_IDS[l];
                                String className = grade + LETTERS[l];
                                docs.append(id).append('\t').append("class-journal\t").append(school).append('\t')
                                        .append(academicYear).append('\t').append(classId).append('\t')
                                        .append(className).append('\t').append(period)
                                        .append("\t1\tPDF/A-3B\t1\t").append(Instant.EPOCH).append('\n');
                                documents++;
                                for (int p = 0; p < names.length; p++) {
                                    String normalised = PupilNames.normalise(names[p]);
                                    Long nameId = nameIds.get(normalised);
                                    if (nameId == null) {
                                        nameId = (long) nameIds.size() + 1;
                                        nameIds.put(normalised, nameId);
                                        newNames.append(nameId).append('\t').append(normalised).append('\n');
                                    }
                                    occs.append(id).append("\tclass-journal\t").append(school).append('\t')
                                            .append(academicYear).append('\t').append(classId).append('\t')
                                            .append(className).append('\t').append(period).append("\t1\tst-")
                                            .append(cohort).append('-').append(p).append('\t').append(names[p])
                                            .append('\t').append(nameId).append('\n');
                                    rows++;
                                }
                            }
                        }
                    }
                }
                copy.copyIn("COPY archived_document (id, document_type, school_id, academic_year, class_id,"
                        + " class_name, period_id, version, pdfa_flavour, page_count, created_at) FROM STDIN",
                        new StringReader(docs.toString()));
                copy.copyIn("COPY pupil_name (id, name_normalised) FROM STDIN",
                        new StringReader(newNames.toString()));
                copy.copyIn("COPY pupil_occurrence (document_id, document_type, school_id, academic_year, class_id,"
                        + " class_name, period_id, version, pupil_id, full_name, name_id) FROM STDIN",
                        new StringReader(occs.toString()));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot fill the benchmark registry: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // The words of every name, split in the database: synthetic names hold only letters and single spaces.
        long words = jdbc.sql("""
                INSERT INTO pupil_name_word (word, name_id, name_normalised)
                SELECT DISTINCT w, n.id, n.name_normalised
                FROM pupil_name n, regexp_split_to_table(n.name_normalised, ' ') AS w WHERE w <> ''""").update();
        jdbc.sql("SELECT setval(pg_get_serial_sequence('pupil_name', 'id'), (SELECT max(id) FROM pupil_name))")
                .query(Long.class).single();
        for (String table : List.of("pupil_name", "pupil_name_word", "pupil_occurrence")) {
            jdbc.sql("VACUUM ANALYZE " + table).update();
        }
        return new Fill(schools, documents, rows, nameIds.size(), words, (System.nanoTime() - start) / 1_000_000);
    }

    /**
     * Runs random name queries through the search (not logged: the access log is not what is measured): full
     * surnames in random case with ё or е, prefixes of 3–6 letters, and surname with the first name's initial.
     */
    public Latency run(int queries, long seed) {
        Random random = new Random(seed ^ 0x5EA4C4L);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < queries + 50; i++) {
            texts.add(query(random));
        }
        double[] millis = new double[queries];
        long matches = 0;
        for (int i = 0; i < texts.size(); i++) {
            long t0 = System.nanoTime();
            SearchResult result = search.find(SearchQuery.byName(texts.get(i)));
            long t1 = System.nanoTime();
            if (i >= 50) { // the first 50 warm the JIT and the caches
                millis[i - 50] = (t1 - t0) / 1e6;
                matches += result.totalOccurrences();
            }
        }
        Arrays.sort(millis);
        return new Latency(queries, percentile(millis, 0.50), percentile(millis, 0.95), percentile(millis, 0.99),
                millis[millis.length - 1], (double) matches / queries);
    }

    static String query(Random random) {
        String[] name = FictionalNames.fullName(random, random.nextBoolean()).split(" ");
        String surname = name[0];
        String text = switch (random.nextInt(3)) {
            case 0 -> surname;
            case 1 -> surname.substring(0, Math.min(surname.length(), 3 + random.nextInt(4)));
            default -> surname + " " + name[1].charAt(0);
        };
        // As an archivist might type it: е for ё or ё kept, any case, extra spaces.
        if (random.nextBoolean()) {
            text = text.replace('ё', 'е');
        }
        text = switch (random.nextInt(3)) {
            case 0 -> text.toLowerCase(Locale.ROOT);
            case 1 -> text.toUpperCase(Locale.ROOT);
            default -> text;
        };
        return random.nextInt(4) == 0 ? "  " + text.replace(" ", "   ") + " " : text;
    }

    private static String[] cohortNames(long seed, long cohort) {
        Random random = new Random(seed * 31 + cohort);
        String[] names = new String[PUPILS_PER_CLASS];
        for (int i = 0; i < names.length; i++) {
            names[i] = FictionalNames.fullName(random, random.nextBoolean());
        }
        return names;
    }

    private static long perSchoolOccurrences() {
        return (long) YEARS * LETTERS.length * PUPILS_PER_CLASS * (9 * 4 + 2 * 2);
    }

    private static double percentile(double[] sorted, double p) {
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
