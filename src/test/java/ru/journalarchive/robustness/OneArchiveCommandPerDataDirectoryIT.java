package ru.journalarchive.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.journalarchive.support.ArchiveProcess;

/**
 * One archive command per data directory, and no manual clean-up after a crash (the real jar, as separate
 * processes): a second command while {@code serve} runs gets one Russian line naming the running process and exit
 * code 75, no stack trace; after {@code kill -9} of {@code serve} its orphaned postgres is stopped by the next
 * command, which says so in one line and runs normally.
 */
class OneArchiveCommandPerDataDirectoryIT {

    private static final String SERVING = "Архив работает как служба";

    @TempDir
    Path tmp;

    @Test
    void aSecondCommandGetsOneLineAndExit75AndAfterAKillTheNextCommandStopsTheOrphanInOneLine() throws Exception {
        Path data = tmp.resolve("data").toAbsolutePath();
        ArchiveProcess archive = new ArchiveProcess(data);
        Process serve = archive.start("--archive.web.port=0", "serve");
        try {
            awaitLine(serve, SERVING);
            long postmaster = Long.parseLong(Files.readAllLines(data.resolve("postgres/postmaster.pid")).get(0)
                    .strip());

            ArchiveProcess.Run second = archive.run("documents");

            assertThat(second.exit()).as(second.output()).isEqualTo(75);
            assertThat(second.output().lines().filter(l -> l.contains("уже запущен"))).containsExactly(
                    "Архив в " + data.resolve("postgres") + " уже запущен другой командой (процесс " + serve.pid()
                            + "): дождитесь её окончания или остановите её.");
            assertThat(second.output()).doesNotContain("\tat ", "Exception", "APPLICATION FAILED");
            assertThat(ProcessHandle.of(postmaster).map(ProcessHandle::isAlive)).as("serve's database untouched")
                    .contains(true);

            serve.destroyForcibly().waitFor(30, TimeUnit.SECONDS); // kill -9: no shutdown hook stops the database
            assertThat(ProcessHandle.of(postmaster).map(ProcessHandle::isAlive)).as("orphaned").contains(true);

            ArchiveProcess.Run next = archive.run("documents");

            assertThat(next.exit()).as(next.output()).isZero();
            assertThat(next.output().lines().filter(l -> l.contains("осталась от аварийно прерванного запуска")))
                    .singleElement().asString().contains(data.resolve("postgres").toString(), "процесс " + postmaster);
            assertThat(next.output()).doesNotContain("\tat ");
            assertThat(ProcessHandle.of(postmaster).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        } finally {
            serve.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            Path pidFile = data.resolve("postgres/postmaster.pid"); // a failed run leaves no postgres behind
            if (Files.exists(pidFile)) {
                ProcessHandle.of(Long.parseLong(Files.readAllLines(pidFile).get(0).strip()))
                        .ifPresent(ProcessHandle::destroy);
            }
        }
    }

    /** Reads the process's output on a thread of its own (so it never blocks) until a line contains the text. */
    private static void awaitLine(Process process, String text) throws InterruptedException {
        List<String> lines = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line; (line = out.readLine()) != null; ) {
                    lines.add(line);
                }
            } catch (java.io.IOException ended) {
                // the process was killed
            }
        });
        reader.setDaemon(true);
        reader.start();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (lines.stream().noneMatch(l -> l.contains(text))) {
            assertThat(process.isAlive()).as(String.join("\n", lines)).isTrue();
            assertThat(System.nanoTime()).as("no «%s» in 3 minutes: %s", text, lines).isLessThan(deadline);
            Thread.sleep(200);
        }
    }
}
