package ru.journalarchive.backup;

import java.nio.file.Path;
import ru.journalarchive.registry.DocumentQuery;

/**
 * What to write to a backup medium and how to register it.
 *
 * @param directory        an empty (or not yet existing) directory: the mounted medium or a folder to burn to disc
 * @param mediumId         the medium's id, written on its label: letters, digits, '.', '_', '-', at most 64
 * @param type             the kind of medium
 * @param selection        which documents (every object of each: PDF, signed PDF, frozen JSON)
 * @param keptAt           where the medium will be kept (a room, a safe), or null
 * @param writtenBy        who writes it
 * @param handedToDirector whether it is handed to the director right away (recorded as now)
 */
public record ExportRequest(Path directory, String mediumId, MediumType type, DocumentQuery selection, String keptAt,
                            String writtenBy, boolean handedToDirector) {
}
