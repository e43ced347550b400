package ru.journalarchive.registry;

import java.util.List;

/**
 * A validated snapshot to register: its metadata, the gzip of the bytes received, and each class's journal JSON.
 */
public record NewImport(
        String sha256,
        String schoolId,
        String schoolName,
        String academicYear,
        String exportedAt,
        String sourceSystem,
        String sourceFile,
        long sizeBytes,
        byte[] rawGzip,
        List<NewClass> classes) {

    /** One class of the snapshot with its journal as JSON. */
    public record NewClass(String classId, String className, int grade, String periodId, byte[] journalJson) {
    }
}
