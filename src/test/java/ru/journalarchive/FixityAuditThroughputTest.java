package ru.journalarchive;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;
import ru.journalarchive.audit.AuditMode;
import ru.journalarchive.jobs.AuditRun;
import ru.journalarchive.jobs.FixityAuditLauncher;
import ru.journalarchive.storage.StorageLocation;
import ru.journalarchive.storage.StorageLocations;
import ru.journalarchive.support.Cli;
import ru.journalarchive.support.Snapshots;

/**
 * Prints the full audit's throughput over both locations next to {@code sha256sum} over the same files (the target:
 * at least as fast). Both read from the page cache: the files were just written, and each tool runs twice.
 */
@SpringBootTest
@ActiveProfiles("test")
// A context (database and locations) of its own: it checks every replica of the registry, so other tests' deliberately damaged copies must not be in it
@TestPropertySource(properties = "test.context=fixity-throughput")
class FixityAuditThroughputTest {

    static final int SCHOOLS = 3;

    @Autowired
    ApplicationContext context;
    @Autowired
    FixityAuditLauncher launcher;
    @Autowired
    StorageLocations locations;

    @TempDir
    Path tmp;

    @Test
    void aFullAuditHashesAtLeastAsFastAsSha256sum() throws Exception {
        Cli cli = new Cli(context);
        for (int i = 1; i <= SCHOOLS; i++) {
            Path snapshot = Snapshots.generate(tmp, "audit-bench-" + i, 1000, i);
            Cli.Result closed = cli.run("close", snapshot.toString());
            assertThat(closed.exitCode()).as(closed.out() + closed.err()).isZero();
        }
        List<String> files = new ArrayList<>();
        for (StorageLocation location : locations.all()) {
            try (Stream<Path> walk = Files.walk(Path.of(location.description()))) {
                walk.filter(Files::isRegularFile).forEach(p -> files.add(p.toString()));
            }
        }
        double sha256sum = 0;
        AuditRun run = null;
        double audit = 0;
        for (int round = 0; round < 2; round++) { // the first round warms the page cache and the JIT
            sha256sum = sha256sum(files);
            long start = System.nanoTime();
            run = launcher.audit(AuditMode.FULL, "benchmark");
            audit = (System.nanoTime() - start) / 1e9;
            assertThat(run.clean()).as(run.toString()).isTrue();
        }
        double megabytes = run.summary().bytes() / 1e6;
        System.out.printf(Locale.ROOT, "fixity audit throughput: %d replicas, %.1f MB over %d locations: audit %.2f s"
                        + " = %.0f MB/s; sha256sum %.2f s = %.0f MB/s (%d threads)%n", run.summary().checked(), megabytes,
                locations.all().size(), audit, megabytes / audit, sha256sum, megabytes / sha256sum,
                Runtime.getRuntime().availableProcessors());
    }

    /** Runs {@code sha256sum} over the files and returns the seconds it took. */
    private static double sha256sum(List<String> files) throws Exception {
        List<String> command = new ArrayList<>(List.of("sha256sum"));
        command.addAll(files);
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectErrorStream(true).start();
        assertThat(process.waitFor()).isZero();
        return (System.nanoTime() - start) / 1e9;
    }
}
