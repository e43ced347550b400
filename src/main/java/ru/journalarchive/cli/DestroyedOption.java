package ru.journalarchive.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The {@code --destroyed} option of {@code documents} (a picocli mixin with its own message bundle). */
@Command(resourceBundle = "i18n.cli-disposition2")
class DestroyedOption {

    @Option(names = "--destroyed", descriptionKey = "documents.destroyed")
    boolean destroyed;
}
