package ru.journalarchive.cli;

import picocli.CommandLine.Option;

/** The {@code --destroyed} option of {@code documents} (a picocli mixin; its text is in {@code i18n/cli}). */
class DestroyedOption {

    @Option(names = "--destroyed", descriptionKey = "documents.destroyed")
    boolean destroyed;
}
