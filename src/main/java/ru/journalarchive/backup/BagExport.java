package ru.journalarchive.backup;

import java.nio.file.Path;
import java.util.List;

/**
 * A bag written to a medium and registered.
 *
 * @param medium    the registered medium
 * @param directory the bag's directory
 * @param documents documents written
 * @param schools   the schools the documents belong to
 * @param years     the academic years of the documents
 * @param fallbacks objects read from another replica because the first one did not match the registry
 */
public record BagExport(BackupMedium medium, Path directory, int documents, List<String> schools, List<String> years,
                        List<String> fallbacks) {
}
