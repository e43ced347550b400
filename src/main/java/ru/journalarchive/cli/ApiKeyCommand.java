package ru.journalarchive.cli;

import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code api-key}: journal systems' API keys, each bound to one school; the work is done by {@code create} and {@code revoke}. */
@Component
@Scope("prototype")
@Command(name = "api-key", mixinStandardHelpOptions = true, resourceBundle = "i18n.cli-webapi",
        subcommands = {ApiKeyCreateCommand.class, UserAccessCommands.ApiKeyRevoke.class})
class ApiKeyCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
