package ru.journalarchive.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import ru.journalarchive.archiving.ImportResult;
import ru.journalarchive.archiving.SnapshotIntake;
import ru.journalarchive.jobs.DirectorSignLauncher;
import ru.journalarchive.jobs.JobRun;
import ru.journalarchive.jobs.PeriodCloseLauncher;
import ru.journalarchive.registry.DocumentQuery;
import ru.journalarchive.registry.DocumentRegistry;
import ru.journalarchive.signing.DirectorSignature;
import ru.journalarchive.synthetic.SyntheticSchoolGenerator;

/**
 * {@code benchmark}: generates a synthetic school of N pupils, imports and closes it, and prints the figures
 * (import time, close time, classes/s, pages/s). Each run uses a new school id, so runs never collide.
 */
@Component
@Scope("prototype") // options must not carry over between runs in one process
@Command(name = "benchmark", mixinStandardHelpOptions = true, resourceBundle = "i18n.cli")
class BenchmarkCommand implements Callable<Integer> {

    @Option(names = "--pupils", defaultValue = "1000", descriptionKey = "generate.pupils")
    int pupils;
    @Option(names = "--seed", defaultValue = "1", descriptionKey = "generate.seed")
    long seed;

    @Option(names = "--no-sign", descriptionKey = "benchmark.sign")
    boolean noSign;

    private final SnapshotIntake intake;
    private final PeriodCloseLauncher launcher;
    private final DirectorSignLauncher signLauncher;
    private final DocumentRegistry registry;
    private final DirectorSignature signature;

    BenchmarkCommand(SnapshotIntake intake, PeriodCloseLauncher launcher, DirectorSignLauncher signLauncher,
            DocumentRegistry registry, DirectorSignature signature) {
        this.signature = signature;
        this.intake = intake;
        this.launcher = launcher;
        this.signLauncher = signLauncher;
        this.registry = registry;
    }

    @Override
    public Integer call() throws Exception {
        String school = "bench-" + Long.toString(System.currentTimeMillis(), 36);
        Path file = Files.createTempFile("benchmark-", ".json");
        try {
            GenerateCommand.write(new SyntheticSchoolGenerator.Options(pupils, seed, school, "2024/2025", "Q1"), file);
            long t0 = System.nanoTime();
            ImportResult imported = intake.importFile(file);
            long t1 = System.nanoTime();
            JobRun run = launcher.close(imported.snapshot().id());
            long t2 = System.nanoTime();
            var documents = registry.list(new DocumentQuery(school, null, null, null));
            int pages = documents.stream().mapToInt(d -> d.pageCount()).sum();
            double importS = (t1 - t0) / 1e9;
            double closeS = (t2 - t1) / 1e9;
            System.out.printf(Locale.ROOT, "benchmark: pupils=%d classes=%d pages=%d snapshotBytes=%d cores=%d%n",
                    pupils, documents.size(), pages, Files.size(file), Runtime.getRuntime().availableProcessors());
            System.out.printf(Locale.ROOT, "benchmark: import=%.2fs close=%.2fs total=%.2fs%n", importS, closeS,
                    importS + closeS);
            System.out.printf(Locale.ROOT, "benchmark: classes/s=%.1f pages/s=%.1f status=%s%n",
                    documents.size() / closeS, pages / closeS, run.status());
            if (noSign || !run.completed()) {
                return run.completed() ? 0 : 1;
            }
            long setup = System.nanoTime();
            String signer = signature.open();
            System.out.printf(Locale.ROOT, "benchmark: signing set-up=%.2fs (%s)%n", (System.nanoTime() - setup) / 1e9,
                    signer);
            long t3 = System.nanoTime();
            JobRun signed = signLauncher.sign(new DocumentQuery(school, null, null, null));
            double signS = (System.nanoTime() - t3) / 1e9;
            System.out.printf(Locale.ROOT, "benchmark: sign=%.2fs signatures/s=%.1f status=%s (%s)%n", signS,
                    documents.size() / signS, signed.status(), "includes reading, timestamping, two writes, registry");
            return signed.completed() ? 0 : 1;
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
