package ru.journalarchive.cli;

import java.io.Console;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import ru.journalarchive.security.Accounts;
import ru.journalarchive.security.Role;
import ru.journalarchive.security.StaffAccount;
import ru.journalarchive.security.WeakPasswordException;

/**
 * {@code user create --login L --role R --school S…}: creates a staff account. The password comes from
 * {@code ARCHIVE_USER_PASSWORD} or is asked twice without echo; a weak one is refused. There are no default accounts:
 * the first IT administrator is created this way.
 */
@Component
@Scope("prototype")
@Command(name = "create", mixinStandardHelpOptions = true, resourceBundle = "i18n.cli-webapi")
class UserCreateCommand implements Callable<Integer> {

    static final String PASSWORD_VARIABLE = "ARCHIVE_USER_PASSWORD";

    @Option(names = "--login", required = true, descriptionKey = "user.login")
    String login;
    @Option(names = "--role", required = true, descriptionKey = "user.role")
    String role;
    @Option(names = "--school", arity = "1..*", descriptionKey = "user.school")
    List<String> schools = List.of();

    private final Accounts accounts;
    private final Messages messages;

    UserCreateCommand(Accounts accounts, Messages messages) {
        this.accounts = accounts;
        this.messages = messages;
    }

    @Override
    public Integer call() {
        if (!login.matches("[a-z0-9][a-z0-9._-]{1,63}")) {
            return refuse("user.refused.login", login);
        }
        Role r;
        try {
            r = Role.valueOf(role.toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            return refuse("user.refused.role", role);
        }
        for (String school : schools) {
            if (!school.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) {
                return refuse("user.refused.school", school);
            }
        }
        if (schools.isEmpty() && r != Role.IT_ADMIN) {
            return refuse("user.refused.noSchool", r.name());
        }
        String password = password();
        if (password == null) {
            return refuse("user.refused.noPassword", PASSWORD_VARIABLE);
        }
        try {
            StaffAccount created = accounts.create(login, password, r, new LinkedHashSet<>(schools));
            System.out.println(messages.get("user.created", created.login(), created.role().name(),
                    created.schools().isEmpty() ? "—" : String.join(", ", created.schools())));
            return 0;
        } catch (WeakPasswordException e) {
            return refuse("user.refused.weak." + e.reason(), 12);
        } catch (IllegalArgumentException e) {
            return refuse("user.refused.exists", login);
        }
    }

    private String password() {
        String fromEnvironment = System.getenv(PASSWORD_VARIABLE);
        if (fromEnvironment != null && !fromEnvironment.isEmpty()) {
            return fromEnvironment;
        }
        Console console = System.console();
        if (console == null) {
            return null;
        }
        char[] first = console.readPassword("%s", messages.get("user.password.ask"));
        char[] second = console.readPassword("%s", messages.get("user.password.again"));
        if (first == null || second == null || !java.util.Arrays.equals(first, second)) {
            System.err.println(messages.get("user.password.mismatch"));
            return null;
        }
        return new String(first);
    }

    private int refuse(String key, Object... args) {
        System.err.println(messages.get(key, args));
        return 2;
    }
}
