package ru.journalarchive.cli;

import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code retention}: the retention policies in force, the annual review of expired records, and the retention event
 * log; the work is done by its subcommands.
 */
@Component
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE) // fresh option values on every run in one JVM (tests, serve)
@Command(name = "retention", mixinStandardHelpOptions = true, resourceBundle = "i18n.cli",
        subcommands = {RetentionPoliciesCommand.class, RetentionReviewCommand.class, RetentionEventsCommand.class})
class RetentionCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
