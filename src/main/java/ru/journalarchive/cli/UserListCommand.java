package ru.journalarchive.cli;

import java.time.Instant;
import java.util.concurrent.Callable;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import ru.journalarchive.security.Accounts;
import ru.journalarchive.security.StaffAccount;

/** {@code user list}: every staff account with its role, schools and whether it is locked (never a hash). */
@Component
@Scope("prototype")
@Command(name = "list", mixinStandardHelpOptions = true, resourceBundle = "i18n.cli-webapi")
class UserListCommand implements Callable<Integer> {

    private final Accounts accounts;
    private final Messages messages;

    UserListCommand(Accounts accounts, Messages messages) {
        this.accounts = accounts;
        this.messages = messages;
    }

    @Override
    public Integer call() {
        var all = accounts.list();
        if (all.isEmpty()) {
            System.out.println(messages.get("user.list.none"));
        }
        Instant now = Instant.now();
        for (StaffAccount a : all) {
            boolean locked = a.lockedUntil() != null && a.lockedUntil().isAfter(now);
            String line = a.disabledAt() != null ? "user.list.lineDisabled" : locked ? "user.list.lineLocked"
                    : "user.list.line";
            System.out.println(messages.get(line, a.login(), a.role().name(),
                    a.schools().isEmpty() ? "—" : String.join(", ", a.schools()),
                    String.valueOf(a.disabledAt() != null ? a.disabledAt() : a.lockedUntil())));
        }
        return 0;
    }
}
