package ru.journalarchive.cli;

import java.io.PrintWriter;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;
import ru.journalarchive.text.UnsafeCharacters;

/**
 * Says in Russian what is wrong with the words typed on the command line (a missing required option, an unknown
 * option, a value that is not a number or a date, a refused character such as NUL or a direction override), naming
 * the option, instead of picocli's English; exit code 2.
 */
@Component
public class ParameterErrors implements IParameterExceptionHandler {

    /** Exit code of a command line that could not be understood. */
    static final int BAD_INPUT = 2;

    private final Messages messages;

    ParameterErrors(Messages messages) {
        this.messages = messages;
    }

    /** Options typed as free text over several lines, where tab and line breaks are fine. */
    static final java.util.Set<String> MULTI_LINE = java.util.Set.of("--reason", "--note", "--comment");

    /**
     * Installs this handler on a command line and returns it; before any command runs, every word given to an
     * option or argument is checked for refused characters ({@link UnsafeCharacters}).
     */
    public CommandLine install(CommandLine commandLine) {
        commandLine.setParameterExceptionHandler(this);
        CommandLine.IExecutionStrategy run = commandLine.getExecutionStrategy();
        commandLine.setExecutionStrategy(parseResult -> {
            refuseUnsafeText(parseResult);
            return run.execute(parseResult);
        });
        return commandLine;
    }

    /** A word on the command line holding a refused character (NUL, a direction override …). */
    static final class UnsafeTextException extends ParameterException {

        private final transient UnsafeCharacters.Found found;
        private final String name;

        UnsafeTextException(CommandLine commandLine, CommandLine.Model.ArgSpec spec, String name, String value,
                UnsafeCharacters.Found found) {
            super(commandLine, "refused character " + found.codePoint() + " in " + name, spec,
                    UnsafeCharacters.escape(value));
            this.found = found;
            this.name = name;
        }
    }

    private static void refuseUnsafeText(CommandLine.ParseResult parseResult) {
        for (CommandLine.ParseResult pr = parseResult; pr != null; pr = pr.subcommand()) {
            for (CommandLine.Model.ArgSpec spec : pr.matchedArgs()) {
                String name = spec.isOption() ? ((CommandLine.Model.OptionSpec) spec).longestName()
                        : spec.paramLabel();
                for (String value : spec.originalStringValues()) {
                    var found = UnsafeCharacters.find(value, MULTI_LINE.contains(name));
                    if (found.isPresent()) {
                        throw new UnsafeTextException(pr.commandSpec().commandLine(), spec, name, value,
                                found.get());
                    }
                }
            }
        }
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
        if (ex instanceof UnsafeTextException unsafe) {
            String reason = messages.get(unsafe.found.kind().messageKey(), unsafe.found.codePoint(),
                    String.valueOf(unsafe.found.position()));
            return messages.get("input.option.refused", unsafe.name, reason);
        }
        if (ex instanceof MissingParameterException missing) {
            return messages.get("parameters.missing", missing.getMissing().stream()
                    .map(a -> a.isOption() ? ((CommandLine.Model.OptionSpec) a).longestName() : a.paramLabel())
                    .collect(Collectors.joining(", ")));
        }
        if (ex instanceof UnmatchedArgumentException unmatched) {
            return messages.get("parameters.unknown", UnsafeCharacters.escape(String.join(" ",
                    unmatched.getUnmatched())));
        }
        if (ex.getArgSpec() != null && ex.getValue() != null) {
            String name = ex.getArgSpec().isOption() ? ((CommandLine.Model.OptionSpec) ex.getArgSpec()).longestName()
                    : ex.getArgSpec().paramLabel();
            return messages.get("parameters.invalid", name, UnsafeCharacters.escape(ex.getValue()),
                    type(ex.getArgSpec().type()));
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
