package ru.journalarchive.rendering;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import ru.journalarchive.snapshot.ClassJournal;

/**
 * Writes example journals to {@code target/rendering-samples/} for a person to look at, and prints how long a
 * typical class takes to render (no timing assertion: the machine is shared).
 */
class RenderingSamplesTest {

    private static final Path SAMPLES = Path.of("target", "rendering-samples");
    private final ClassJournalRenderer renderer = ClassJournalRenderer.withDefaults();

    @Test
    void exampleJournalsAreWrittenForReviewAndAreValidPdfA3b() throws Exception {
        Files.createDirectories(SAMPLES);
        Map<String, ClassJournal> journals = Map.of("grade-5", JournalFixtures.gradeFive(),
                "grade-1", JournalFixtures.gradeOne(), "sixty-lessons", JournalFixtures.sixtyLessons(),
                "typical-class", JournalFixtures.typical());
        for (var entry : journals.entrySet()) {
            RenderedDocument rendered = renderer.render(entry.getValue(), JournalFixtures.json(entry.getValue()),
                    JournalFixtures.FROZEN_AT);
            Files.write(SAMPLES.resolve(entry.getKey() + ".pdf"), rendered.pdf());
            System.out.printf("sample %-14s %3d pages %8d bytes%n", entry.getKey(), rendered.pageCount(),
                    rendered.pdf().length);
            assertThat(PdfaValidation.failuresOf(rendered.pdf())).as(entry.getKey()).isEmpty();
        }
    }

    @Test
    void aTypicalClassRendersQuicklyAfterWarmUp() {
        ClassJournal journal = JournalFixtures.typical();
        byte[] json = JournalFixtures.json(journal);
        RenderedDocument rendered = null;
        for (int i = 0; i < 15; i++) {
            rendered = renderer.render(journal, json, JournalFixtures.FROZEN_AT);
        }
        int runs = 20;
        // CPU time of this thread as well as wall time: the machine is shared, so the wall clock includes waiting.
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        for (int i = 0; i < runs; i++) {
            rendered = renderer.render(journal, json, JournalFixtures.FROZEN_AT);
        }
        double millis = (System.nanoTime() - start) / 1e6 / runs;
        double cpuMillis = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e6 / runs;
        System.out.printf("typical class (25 pupils, 12 subjects x 40 lessons): %d pages, %d bytes, %.1f ms wall, "
                + "%.1f ms CPU per journal after warm-up, one thread%n", rendered.pageCount(), rendered.pdf().length,
                millis, cpuMillis);
        assertThat(rendered.pageCount()).isGreaterThan(40);
    }
}
