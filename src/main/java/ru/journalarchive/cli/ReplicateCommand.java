package ru.journalarchive.cli;

import java.util.concurrent.Callable;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import ru.journalarchive.archiving.ReplicationService;
import ru.journalarchive.jobs.JobRun;
import ru.journalarchive.jobs.ReplicationLauncher;

/**
 * {@code replicate}: runs {@code replicationJob} — a verified copy of every archived object in every configured
 * location (a new location is backfilled, one that was down catches up); exit 1 if copies are still missing.
 */
@Component
@Scope("prototype") // options must not carry over between runs in one process
@Command(name = "replicate", mixinStandardHelpOptions = true, resourceBundle = "i18n.cli")
class ReplicateCommand implements Callable<Integer> {

    private final ReplicationLauncher launcher;
    private final ReplicationService replication;
    private final Messages messages;

    ReplicateCommand(ReplicationLauncher launcher, ReplicationService replication, Messages messages) {
        this.launcher = launcher;
        this.replication = replication;
        this.messages = messages;
    }

    @Override
    public Integer call() {
        int before = replication.missing().size();
        JobRun run = launcher.replicate();
        int after = replication.missing().size();
        System.out.println(messages.get("replicate.summary", before - after, after));
        if (!run.completed() || after > 0) {
            System.err.println(messages.get("replicate.failed", run.status()));
            run.failures().forEach(f -> System.err.println("  " + f));
            return 1;
        }
        return 0;
    }
}
