package ru.journalarchive.cli;

import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code user}: staff accounts; the work is done by {@code create}, {@code list}, {@code disable}, {@code enable}, {@code token}. */
@Component
@Scope("prototype")
@Command(name = "user", mixinStandardHelpOptions = true, resourceBundle = "i18n.cli-webapi",
        subcommands = {UserCreateCommand.class, UserListCommand.class, UserAccessCommands.Disable.class,
                UserAccessCommands.Enable.class, UserAccessCommands.Token.class})
class UserCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
