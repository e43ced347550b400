package ru.journalarchive.cli;

import java.util.UUID;
import java.util.concurrent.Callable;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import ru.journalarchive.archiving.CorrectionRefusedException;
import ru.journalarchive.archiving.CorrectionResult;
import ru.journalarchive.archiving.JournalCorrector;
import ru.journalarchive.archiving.SummaryStatementArchiver;
import ru.journalarchive.registry.SnapshotImports;
import ru.journalarchive.storage.StorageLocations;

/**
 * {@code correct}: an authorised correction of a frozen period journal with the content of an import whose re-close
 * was refused; produces the journal's next version with a correction note. Exit 0 corrected, 1 failed (run again to
 * resume), 2 refused (nothing written).
 */
@Component
@Scope("prototype") // options must not carry over between runs in one process
@Command(name = "correct", mixinStandardHelpOptions = true, resourceBundle = "i18n.cli-search")
class CorrectCommand implements Callable<Integer> {

    @Option(names = "--import", descriptionKey = "correct.import")
    String importId;
    @Option(names = "--class", descriptionKey = "correct.class")
    String classId;
    @Option(names = "--reason", descriptionKey = "correct.reason")
    String reason;
    @Option(names = "--authorised-by", descriptionKey = "correct.authorisedBy")
    String authorisedBy;
    @Option(names = "--by", descriptionKey = "correct.by")
    String by;

    private final JournalCorrector corrector;
    private final SummaryStatementArchiver statements;
    private final SnapshotImports imports;
    private final StorageLocations locations;
    private final Messages messages;

    CorrectCommand(JournalCorrector corrector, StorageLocations locations, Messages messages,
            SummaryStatementArchiver statements, SnapshotImports imports) {
        this.corrector = corrector;
        this.statements = statements;
        this.imports = imports;
        this.locations = locations;
        this.messages = messages;
    }

    @Override
    public Integer call() {
        UUID id;
        try {
            id = UUID.fromString(importId == null ? "" : importId.strip());
        } catch (IllegalArgumentException e) {
            System.err.println(messages.get("correct.error.import", importId == null ? "" : importId));
            return SearchCommand.BAD_INPUT;
        }
        if (classId == null || classId.isBlank()) {
            System.err.println(messages.get("correct.error.class"));
            return SearchCommand.BAD_INPUT;
        }
        String actor = by == null || by.isBlank() ? System.getProperty("user.name") : by;
        CorrectionResult result;
        java.util.Map<String, UUID> statementsBefore = new java.util.HashMap<>();
        try {
            var snapshot = imports.get(id);
            statements.archived(snapshot.schoolId(), snapshot.academicYear()).stream()
                    .filter(r -> r.documentId() != null).forEach(r -> statementsBefore.put(r.classId(), r.documentId()));
        } catch (IllegalArgumentException unknown) {
            // the corrector refuses an unknown import below, with its own message
        }
        try {
            result = corrector.correct(new JournalCorrector.CorrectionRequest(id, classId.strip(), reason,
                    authorisedBy, actor));
        } catch (CorrectionRefusedException refused) {
            System.err.println(messages.get("correct.refused." + refused.reason().name(), id.toString(), classId));
            System.err.println(messages.get("correct.nothingWritten"));
            return SearchCommand.BAD_INPUT;
        }
        var c = result.correction();
        System.out.println(messages.get("correct.done", c.number(), c.classId(), c.periodId(), c.academicYear(),
                c.oldVersion(), c.newVersion(), c.changeCount(), result.document().id().toString()));
        result.document().object(ru.journalarchive.registry.ArchivedDocument.ROLE_PDF).orElseThrow().replicas()
                .forEach(r -> System.out.println("    " + locations.get(r.location()).describe(r.key())));
        if (result.previousDocument() != null) {
            System.out.println(messages.get("correct.previous", c.oldVersion(),
                    result.previousDocument().id().toString()));
        }
        // A closed year's summary statement is rebuilt from the corrected journal (its next version).
        statements.archived(c.schoolId(), c.academicYear()).stream().filter(r -> r.classId().equals(c.classId()))
                .findFirst().ifPresent(r -> System.out.println(r.status() == SummaryStatementArchiver.Status.ARCHIVED
                        && !r.documentId().equals(statementsBefore.get(r.classId()))
                        ? messages.get("correct.statement", r.documentId().toString())
                        : messages.get("correct.statementPending", c.schoolId(), c.academicYear())));
        return 0;
    }
}
