package ru.journalarchive.cli;

import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code user}: staff accounts of the web API; the work is done by {@code create} and {@code list}. */
@Component
@Scope("prototype")
@Command(name = "user", mixinStandardHelpOptions = true, resourceBundle = "i18n.cli-webapi",
        subcommands = {UserCreateCommand.class, UserListCommand.class})
class UserCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
