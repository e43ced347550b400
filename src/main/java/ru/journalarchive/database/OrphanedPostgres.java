package ru.journalarchive.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A postgres left running on our data directory by an archive process that died without stopping it ({@code kill
 * -9}, a crash). Called only while we hold the {@link DataDirectoryLock}, so no live archive command owns it: it is
 * stopped with SIGTERM (PostgreSQL's smart shutdown: its clients died with their process, it checkpoints and exits)
 * after checking, from {@code postmaster.pid} and the process itself, that it is a postgres serving this very
 * directory. A pid file naming a dead process is left to PostgreSQL (it removes it itself); one naming a live process
 * that is not our postgres (its pid was reused) is removed.
 */
final class OrphanedPostgres {

    private static final Logger log = LoggerFactory.getLogger(OrphanedPostgres.class);
    private static final long STOP_SECONDS = 120;

    private OrphanedPostgres() {
    }

    static void stopIfAny(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        Optional<ProcessHandle> process = lines.stream().findFirst().map(String::strip)
                .filter(s -> s.matches("\\d+")).flatMap(pid -> ProcessHandle.of(Long.parseLong(pid)))
                .filter(ProcessHandle::isAlive);
        if (process.isEmpty()) {
            return;
        }
        if (!servesOurDirectory(process.get(), lines, dataDirectory)) {
            log.info(DatabaseMessages.get("database.stalePidFile", pidFile, String.valueOf(process.get().pid())));
            Files.delete(pidFile);
            return;
        }
        log.warn(DatabaseMessages.get("database.orphan", dataDirectory, String.valueOf(process.get().pid())));
        process.get().destroy();
        try {
            process.get().onExit().get(STOP_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException | ExecutionException e) {
            throw new DataDirectoryBusyException(DatabaseMessages.get("database.orphanNotStopped", dataDirectory,
                    String.valueOf(process.get().pid())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The pid file's second line is the data directory; the process runs a {@code postgres} binary. */
    private static boolean servesOurDirectory(ProcessHandle process, List<String> pidFileLines, Path dataDirectory)
            throws IOException {
        if (pidFileLines.size() < 2 || !Files.isDirectory(Path.of(pidFileLines.get(1).strip()))
                || !Files.isSameFile(Path.of(pidFileLines.get(1).strip()), dataDirectory)) {
            return false;
        }
        Optional<String> command = process.info().command();
        if (command.isEmpty()) {
            // Not ours to inspect (another user's process): refuse rather than guess.
            throw new DataDirectoryBusyException(DatabaseMessages.get("database.orphanNotStopped", dataDirectory,
                    String.valueOf(process.pid())));
        }
        return Path.of(command.get()).getFileName().toString().equals("postgres");
    }
}
