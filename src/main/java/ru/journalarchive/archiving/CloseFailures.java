package ru.journalarchive.archiving;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import ru.journalarchive.registry.ImportedSnapshot.CloseStatus;
import ru.journalarchive.registry.SnapshotImports;
import ru.journalarchive.storage.StorageException;

/**
 * Records a class whose close failed as {@link CloseStatus#FAILED} with a Russian reason, never leaving it {@code
 * PENDING}: after the close's own transaction has rolled back (so the record is not undone with it, and does not wait
 * for a row lock the close holds), in a transaction of its own. A rerun of the close resumes the class.
 */
@Component
class CloseFailures {

    private static final Logger log = LoggerFactory.getLogger(CloseFailures.class);
    private static final Locale RU = Locale.forLanguageTag("ru");

    private final SnapshotImports imports;
    private final MessageSource messages;
    private final TransactionTemplate separate;

    CloseFailures(SnapshotImports imports, MessageSource messages, PlatformTransactionManager transactions) {
        this.imports = imports;
        this.messages = messages;
        this.separate = new TransactionTemplate(transactions);
        this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Too few locations took a verified copy: the close stops before registering anything. */
    static final class CopiesShort extends StorageException {
        final int copies;
        final int required;
        final List<String> unavailable;

        CopiesShort(String classId, int copies, int required, List<String> unavailable) {
            super("only %d verified copies of class %s, %d required; unavailable: %s".formatted(copies, classId,
                    required, unavailable));
            this.copies = copies;
            this.required = required;
            this.unavailable = List.copyOf(unavailable);
        }
    }

    /** A location could not take its copy and every location is required. */
    static final class LocationUnavailable extends StorageException {
        final String location;

        LocationUnavailable(String location, String classId, RuntimeException cause) {
            super("storage location '" + location + "' is unavailable, the class " + classId + " is not closed: "
                    + cause.getMessage(), cause);
            this.location = location;
        }
    }

    /**
     * Records the failure once the current transaction has ended (at once if there is none). The log names the class
     * by id and the error by its type only: a database error's text may quote the data (a pupil's name); the job
     * repository keeps the full error for IT.
     */
    void record(UUID importId, String classId, RuntimeException failure) {
        log.warn("Class {} of import {}: close failed ({}), recorded as FAILED", classId, importId,
                failure.getClass().getSimpleName());
        String reason = text("close.failed.reason", reasonOf(failure));
        Runnable write = () -> separate.executeWithoutResult(
                status -> imports.recordClose(importId, classId, CloseStatus.FAILED, reason, null));
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            write.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                try {
                    write.run();
                } catch (RuntimeException e) {
                    log.warn("Class {} of import {}: its failure could not be recorded: {}", classId, importId,
                            e.toString());
                }
            }
        });
    }

    private String reasonOf(RuntimeException failure) {
        if (failure instanceof CopiesShort s) {
            return text("close.failed.copiesShort", s.copies, s.required,
                    s.unavailable.isEmpty() ? "—" : String.join(", ", s.unavailable));
        }
        if (failure instanceof LocationUnavailable u) {
            return text("close.failed.locationUnavailable", u.location);
        }
        return text("close.failed.other");
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, RU);
    }
}
