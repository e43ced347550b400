package ru.journalarchive.jobs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import ru.journalarchive.archiving.ImportResult;
import ru.journalarchive.archiving.SnapshotIntake;
import ru.journalarchive.snapshot.SnapshotRejectedException;

/**
 * Polls the inbox folder: a snapshot dropped there is imported and closed, then moved to {@code done/}; a rejected
 * one is moved to {@code rejected/} with its error report ({@code <name>.errors.txt}) next to it.
 */
@Component
public class InboxPoller {

    private static final Logger log = LoggerFactory.getLogger(InboxPoller.class);

    private final JobsProperties.Inbox inbox;
    private final SnapshotIntake intake;
    private final PeriodCloseLauncher launcher;
    private final MessageSource messages;
    private final YearCloseLauncher yearClose;

    InboxPoller(JobsProperties properties, SnapshotIntake intake, PeriodCloseLauncher launcher,
            MessageSource messages, YearCloseLauncher yearClose) {
        this.yearClose = yearClose;
        this.messages = messages;
        this.inbox = properties.inbox();
        this.intake = intake;
        this.launcher = launcher;
    }

    /** The inbox settings: folder, interval, settle time. */
    public boolean enabled() {
        return inbox.enabled();
    }

    /** How long to wait between polls. */
    public java.time.Duration pollInterval() {
        return inbox.pollInterval();
    }

    /** The inbox folder. */
    public Path directory() {
        return inbox.directory();
    }

    /** Takes every settled {@code *.json} file in the inbox once; returns what happened to each. */
    public List<InboxOutcome> pollOnce() {
        List<InboxOutcome> outcomes = new ArrayList<>();
        for (Path file : settledSnapshots()) {
            outcomes.add(take(file));
        }
        return outcomes;
    }

    private List<Path> settledSnapshots() {
        Path dir = inbox.directory();
        try {
            Files.createDirectories(dir);
            Instant settledBefore = Instant.now().minus(inbox.settleTime());
            try (Stream<Path> files = Files.list(dir)) {
                return files.filter(Files::isRegularFile)
                        .filter(f -> f.getFileName().toString().endsWith(".json"))
                        .filter(f -> !f.getFileName().toString().startsWith("."))
                        .filter(f -> lastModified(f).isBefore(settledBefore))
                        .sorted()
                        .toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("inbox " + dir + " cannot be read", e);
        }
    }

    private InboxOutcome take(Path file) {
        String name = file.getFileName().toString();
        try {
            ImportResult imported = intake.importFile(file);
            JobRun run = launcher.close(imported.snapshot().id());
            if (run.completed()) {
                // The last period of the year closed: build the summary statements (yearCloseJob).
                yearClose.closeIfLastPeriod(imported.snapshot().id()).ifPresent(year -> log.info(
                        "Year close after inbox file {}: {}", name, year.status()));
            }
            Path target = moveTo(file, run.completed() ? "done" : "failed");
            log.info("Inbox file {} imported as {} and closed: {}", name, imported.snapshot().id(), run.status());
            return new InboxOutcome(name, target, run.completed() ? InboxOutcome.Kind.CLOSED : InboxOutcome.Kind.FAILED,
                    run.failures());
        } catch (SnapshotRejectedException e) {
            Path target = moveTo(file, "rejected");
            writeErrors(target, e);
            log.warn("Inbox file {} rejected with {} violations; moved to {}", name, e.total(), target);
            return new InboxOutcome(name, target, InboxOutcome.Kind.REJECTED,
                    e.shown().stream().map(v -> v.path() + ": " + v.message()).toList());
        } catch (RuntimeException e) {
            // Anything else (database away, job already running, unreadable file): set the file aside with the
            // reason, so that one file cannot stop the service or be retried forever at every start.
            log.error("Inbox file {} could not be processed: {}", name, e.toString());
            Path target = moveTo(file, "failed");
            writeFailure(target, e);
            return new InboxOutcome(name, target, InboxOutcome.Kind.FAILED, List.of(String.valueOf(e.getMessage())));
        }
    }

    private void writeErrors(Path rejected, SnapshotRejectedException e) {
        Locale ru = Locale.forLanguageTag("ru");
        StringBuilder report = new StringBuilder();
        report.append(messages.getMessage("inbox.rejected.header", new Object[] {e.total()}, ru))
                .append('\n')
                .append(messages.getMessage("inbox.rejected.nothingStored", null, ru)).append("\n\n");
        e.violations().forEach(v -> report.append(v.path()).append(": ").append(v.message()).append('\n'));
        try {
            Files.writeString(rejected.resolveSibling(rejected.getFileName() + ".errors.txt"), report,
                    StandardCharsets.UTF_8);
        } catch (IOException io) {
            throw new UncheckedIOException(io);
        }
    }

    private void writeFailure(Path failed, RuntimeException e) {
        Locale ru = Locale.forLanguageTag("ru");
        String report = messages.getMessage("inbox.failed.header", null, ru) + "\n\n" + e;
        try {
            Files.writeString(failed.resolveSibling(failed.getFileName() + ".errors.txt"), report, StandardCharsets.UTF_8);
        } catch (IOException io) {
            log.error("Cannot write the error report of {}: {}", failed, io.toString());
        }
    }

    private Path moveTo(Path file, String folder) {
        try {
            Path dir = Files.createDirectories(inbox.directory().resolve(folder));
            Path target = dir.resolve(file.getFileName());
            if (Files.exists(target)) {
                target = dir.resolve(Instant.now().toEpochMilli() + "-" + file.getFileName());
            }
            return Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move " + file + " to " + folder, e);
        }
    }

    private static Instant lastModified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toInstant();
        } catch (IOException e) {
            return Instant.now();
        }
    }

    /** What happened to one inbox file. */
    public record InboxOutcome(String file, Path movedTo, Kind kind, List<String> details) {

        /** The three ends of an inbox file. */
        public enum Kind { CLOSED, FAILED, REJECTED }
    }
}
