package ru.journalarchive.cli;

import java.util.concurrent.Callable;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import ru.journalarchive.security.ApiKeys;

/** {@code api-key create --school S --name N}: creates a journal system's key and prints it once. */
@Component
@Scope("prototype")
@Command(name = "create", mixinStandardHelpOptions = true, resourceBundle = "i18n.cli-webapi")
class ApiKeyCreateCommand implements Callable<Integer> {

    @Option(names = "--school", required = true, descriptionKey = "apikey.school")
    String school;
    @Option(names = "--name", required = true, descriptionKey = "apikey.name")
    String name;

    private final ApiKeys keys;
    private final Messages messages;

    ApiKeyCreateCommand(ApiKeys keys, Messages messages) {
        this.keys = keys;
        this.messages = messages;
    }

    @Override
    public Integer call() {
        if (!school.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) {
            System.err.println(messages.get("user.refused.school", school));
            return 2;
        }
        if (name.isBlank() || name.length() > 100) {
            System.err.println(messages.get("apikey.refused.name"));
            return 2;
        }
        try {
            String key = keys.create(school, name);
            System.out.println(messages.get("apikey.created", school, name.strip()));
            System.out.println(key);
            return 0;
        } catch (org.springframework.dao.DuplicateKeyException e) {
            System.err.println(messages.get("apikey.refused.exists", school, name.strip()));
            return 2;
        }
    }
}
