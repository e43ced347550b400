package ru.journalarchive.cli;

import java.io.PrintWriter;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Says in Russian what is wrong with the words typed on the command line (a missing required option, an unknown
 * option, a value that is not a number or a date), naming the option, instead of picocli's English; exit code 2.
 */
@Component
public class ParameterErrors implements IParameterExceptionHandler {

    /** Exit code of a command line that could not be understood. */
    static final int BAD_INPUT = 2;

    private final Messages messages;

    ParameterErrors(Messages messages) {
        this.messages = messages;
    }

    /** Installs this handler on a command line and returns it. */
    public CommandLine install(CommandLine commandLine) {
        commandLine.setParameterExceptionHandler(this);
        return commandLine;
    }

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        PrintWriter err = ex.getCommandLine().getErr();
        err.println(describe(ex));
        err.println(messages.get("parameters.help", ex.getCommandLine().getCommandSpec().qualifiedName()));
        err.flush();
        return BAD_INPUT;
    }

    private String describe(ParameterException ex) {
        if (ex instanceof MissingParameterException missing) {
            return messages.get("parameters.missing", missing.getMissing().stream()
                    .map(a -> a.isOption() ? ((CommandLine.Model.OptionSpec) a).longestName() : a.paramLabel())
                    .collect(Collectors.joining(", ")));
        }
        if (ex instanceof UnmatchedArgumentException unmatched) {
            return messages.get("parameters.unknown", String.join(" ", unmatched.getUnmatched()));
        }
        if (ex.getArgSpec() != null && ex.getValue() != null) {
            String name = ex.getArgSpec().isOption() ? ((CommandLine.Model.OptionSpec) ex.getArgSpec()).longestName()
                    : ex.getArgSpec().paramLabel();
            return messages.get("parameters.invalid", name, ex.getValue(), type(ex.getArgSpec().type()));
        }
        return messages.get("parameters.other", String.valueOf(ex.getMessage()));
    }

    private String type(Class<?> type) {
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return messages.get("parameters.type.number");
        }
        if (type == java.time.LocalDate.class) {
            return messages.get("parameters.type.date");
        }
        if (type == java.util.UUID.class) {
            return messages.get("parameters.type.uuid");
        }
        if (type.isEnum()) {
            return messages.get("parameters.type.enum", java.util.Arrays.stream(type.getEnumConstants())
                    .map(Object::toString).collect(Collectors.joining(", ")));
        }
        return messages.get("parameters.type.other");
    }
}
