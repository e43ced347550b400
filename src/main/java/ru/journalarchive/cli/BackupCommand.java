package ru.journalarchive.cli;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import ru.journalarchive.backup.BackupException;

/**
 * {@code backup}: backup media, their register and the log of their use; the work is done by its subcommands
 * ({@code export}, {@code verify}, {@code issue}, {@code return}, {@code hand-over}, {@code media}).
 */
@Component
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE) // fresh option values on every run in one JVM (tests, serve)
@Command(name = "backup", mixinStandardHelpOptions = true, resourceBundle = "i18n.cli",
        subcommands = {BackupExportCommand.class, BackupVerifyCommand.class, BackupIssueCommand.class,
                BackupReturnCommand.class, BackupHandOverCommand.class, BackupMediaCommand.class})
class BackupCommand implements Runnable {

    /** Exit code of a refused backup operation (out of order, bad arguments, a non-empty directory …). */
    static final int REFUSED = 2;

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** Prints the Russian text of a refusal and returns {@link #REFUSED}. */
    static int refused(Messages messages, BackupException e) {
        Object[] args = e.args();
        for (int i = 0; i < args.length; i++) {
            args[i] = shown(args[i]);
        }
        System.err.println(messages.get(e.messageKey(), args));
        return REFUSED;
    }

    /** A value as staff read it: instants as local date and time, null as a dash. */
    static Object shown(Object value) {
        if (value == null) {
            return "—";
        }
        if (value instanceof Instant instant) {
            return SHOWN.format(instant.atZone(ZoneId.systemDefault()));
        }
        return value.toString();
    }

    /** The operating-system user, recorded as who wrote, issued or returned a medium unless named explicitly. */
    static String currentUser() {
        return System.getProperty("user.name", "?");
    }
}
