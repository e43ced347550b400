package ru.journalarchive.cli;

import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code registry}: the registry itself; its subcommand {@code rebuild} restores a lost database from storage. */
@Component
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
@Command(name = "registry", mixinStandardHelpOptions = true, resourceBundle = "i18n.registry-journal",
        subcommands = RegistryRebuildCommand.class)
class RegistryCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
