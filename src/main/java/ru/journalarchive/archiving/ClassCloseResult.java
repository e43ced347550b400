package ru.journalarchive.archiving;

import java.util.List;
import java.util.UUID;
import ru.journalarchive.freezing.RetroactiveChange;
import ru.journalarchive.registry.ImportedSnapshot.CloseStatus;

/**
 * How closing one class ended: its status, the registered document and where its PDF copies are.
 */
public record ClassCloseResult(
        String classId,
        String className,
        CloseStatus status,
        UUID documentId,
        int pageCount,
        List<String> pdfLocations,
        List<RetroactiveChange> retroactiveChanges) {
}
