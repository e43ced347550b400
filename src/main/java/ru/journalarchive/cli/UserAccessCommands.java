package ru.journalarchive.cli;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import ru.journalarchive.security.Accounts;
import ru.journalarchive.security.ApiKeys;
import ru.journalarchive.security.PersonalTokens;

/**
 * The access subcommands of issue 13: {@code user disable|enable --login L}, {@code user token create|revoke|list}
 * and {@code api-key revoke --key ID|NAME}; each change is recorded in the access log as done by {@code cli:<OS user>}.
 */
final class UserAccessCommands {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneOffset.UTC);

    private UserAccessCommands() {
    }

    /** Who ran the command, as the access log records it. */
    static String operator() {
        return "cli:" + System.getProperty("user.name", "?");
    }

    private static int refuse(Messages messages, String key, Object... args) {
        System.err.println(messages.get(key, args));
        return 2;
    }

    /** {@code user disable|enable --login L}: one switch of an account, refused for an unknown login or a no-op. */
    abstract static class AccountSwitch implements Callable<Integer> {
        @Option(names = "--login", required = true, descriptionKey = "token.login")
        String login;

        private final Accounts accounts;
        private final Messages messages;

        AccountSwitch(Accounts accounts, Messages messages) {
            this.accounts = accounts;
            this.messages = messages;
        }

        /** Switches the account; false when it already was in that state. */
        abstract boolean apply(Accounts accounts, String login, String by);

        /** The message keys: refused as a no-op, and done. */
        abstract String[] keys();

        @Override
        public Integer call() {
            if (accounts.find(login).isEmpty()) {
                return refuse(messages, "user.refused.unknown", login);
            }
            if (!apply(accounts, login, operator())) {
                return refuse(messages, keys()[0], login);
            }
            System.out.println(messages.get(keys()[1], login));
            return 0;
        }
    }

    /** {@code user disable --login L}. */
    @Component
    @Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
    @Command(name = "disable", mixinStandardHelpOptions = true, resourceBundle = "i18n.access")
    static class Disable extends AccountSwitch {
        Disable(Accounts accounts, Messages messages) {
            super(accounts, messages);
        }

        @Override
        boolean apply(Accounts accounts, String login, String by) {
            return accounts.disable(login, by);
        }

        @Override
        String[] keys() {
            return new String[] {"user.refused.alreadyDisabled", "user.disabled"};
        }
    }

    /** {@code user enable --login L}. */
    @Component
    @Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
    @Command(name = "enable", mixinStandardHelpOptions = true, resourceBundle = "i18n.access")
    static class Enable extends AccountSwitch {
        Enable(Accounts accounts, Messages messages) {
            super(accounts, messages);
        }

        @Override
        boolean apply(Accounts accounts, String login, String by) {
            return accounts.enable(login, by);
        }

        @Override
        String[] keys() {
            return new String[] {"user.refused.notDisabled", "user.enabled"};
        }
    }

    /** {@code user token}: the work is done by its subcommands. */
    @Component
    @Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
    @Command(name = "token", mixinStandardHelpOptions = true, resourceBundle = "i18n.access",
            subcommands = {TokenCreate.class, TokenRevoke.class, TokenList.class})
    static class Token implements Runnable {
        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            spec.commandLine().usage(System.out);
        }
    }

    /** {@code user token create --login L --name N [--days D]}: prints the token once. */
    @Component
    @Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
    @Command(name = "create", mixinStandardHelpOptions = true, resourceBundle = "i18n.access")
    static class TokenCreate implements Callable<Integer> {
        @Option(names = "--login", required = true, descriptionKey = "token.login")
        String login;
        @Option(names = "--name", required = true, descriptionKey = "token.name")
        String name;
        @Option(names = "--days", descriptionKey = "token.days")
        String days = "90";

        private final PersonalTokens tokens;
        private final Messages messages;

        TokenCreate(PersonalTokens tokens, Messages messages) {
            this.tokens = tokens;
            this.messages = messages;
        }

        @Override
        public Integer call() {
            int d;
            try {
                d = Integer.parseInt(days.strip());
            } catch (NumberFormatException e) {
                d = 0;
            }
            if (d < 1 || d > 366) {
                return refuse(messages, "token.refused.days", days);
            }
            if (name.isBlank() || name.strip().length() > 100) {
                return refuse(messages, "token.refused.name");
            }
            try {
                PersonalTokens.Issued issued = tokens.create(login, name, Duration.ofDays(d), operator());
                System.out.println(messages.get("token.created", login, issued.name(),
                        TIME.format(issued.expiresAt())));
                System.out.println(issued.token());
                return 0;
            } catch (IllegalArgumentException e) {
                return switch (e.getMessage()) {
                    case "disabled" -> refuse(messages, "token.refused.disabled", login);
                    case "exists" -> refuse(messages, "token.refused.exists", login, name.strip());
                    default -> refuse(messages, "token.refused.login", login);
                };
            }
        }
    }

    /** {@code user token revoke --login L --name N}. */
    @Component
    @Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
    @Command(name = "revoke", mixinStandardHelpOptions = true, resourceBundle = "i18n.access")
    static class TokenRevoke implements Callable<Integer> {
        @Option(names = "--login", required = true, descriptionKey = "token.login")
        String login;
        @Option(names = "--name", required = true, descriptionKey = "token.name")
        String name;

        private final PersonalTokens tokens;
        private final Accounts accounts;
        private final Messages messages;

        TokenRevoke(PersonalTokens tokens, Accounts accounts, Messages messages) {
            this.tokens = tokens;
            this.accounts = accounts;
            this.messages = messages;
        }

        @Override
        public Integer call() {
            if (accounts.find(login).isEmpty()) {
                return refuse(messages, "token.refused.login", login);
            }
            if (!tokens.revoke(login, name, operator())) {
                return refuse(messages, "token.refused.unknown", login, name.strip());
            }
            System.out.println(messages.get("token.revoked", login, name.strip()));
            return 0;
        }
    }

    /** {@code user token list --login L}. */
    @Component
    @Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
    @Command(name = "list", mixinStandardHelpOptions = true, resourceBundle = "i18n.access")
    static class TokenList implements Callable<Integer> {
        @Option(names = "--login", required = true, descriptionKey = "token.login")
        String login;

        private final PersonalTokens tokens;
        private final Accounts accounts;
        private final Messages messages;

        TokenList(PersonalTokens tokens, Accounts accounts, Messages messages) {
            this.tokens = tokens;
            this.accounts = accounts;
            this.messages = messages;
        }

        @Override
        public Integer call() {
            if (accounts.find(login).isEmpty()) {
                return refuse(messages, "token.refused.login", login);
            }
            List<PersonalTokens.Token> all = tokens.list(login);
            if (all.isEmpty()) {
                System.out.println(messages.get("token.list.none", login));
            }
            Instant now = Instant.now();
            for (PersonalTokens.Token t : all) {
                String state = t.revokedAt() != null ? messages.get("token.list.revoked", TIME.format(t.revokedAt()))
                        : t.expiresAt().isBefore(now) ? messages.get("token.list.expired") : "";
                System.out.println(messages.get("token.list.line", t.name(), TIME.format(t.createdAt()),
                        TIME.format(t.expiresAt()), state));
            }
            return 0;
        }
    }

    /** {@code api-key revoke --key ID|NAME}. */
    @Component
    @Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
    @Command(name = "revoke", mixinStandardHelpOptions = true, resourceBundle = "i18n.access")
    static class ApiKeyRevoke implements Callable<Integer> {
        @Option(names = "--key", required = true, descriptionKey = "apikey.key")
        String key;

        private final ApiKeys keys;
        private final Messages messages;

        ApiKeyRevoke(ApiKeys keys, Messages messages) {
            this.keys = keys;
            this.messages = messages;
        }

        @Override
        public Integer call() {
            try {
                ApiKeys.Key revoked = keys.revoke(key, operator());
                System.out.println(messages.get("apikey.revoked", revoked.schoolId(), revoked.name()));
                return 0;
            } catch (ApiKeys.AmbiguousKeyException e) {
                return refuse(messages, "apikey.refused.ambiguous", key.strip(), String.join(", ", e.schools()));
            } catch (IllegalArgumentException e) {
                return refuse(messages, "apikey.refused.unknown", key.strip());
            }
        }
    }
}
