package ru.journalarchive.cli;

import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Where the server keeps the prepared PDFs of external-signing batches between {@code sign prepare} and
 * {@code sign complete}: {@code ${archive.data-directory}/signing/pending/<batch>/}.
 */
@Component
class PendingSignatures {

    private final Path directory;

    PendingSignatures(@Value("${archive.data-directory}") Path dataDirectory) {
        this.directory = dataDirectory.resolve("signing/pending");
    }

    Path batch(String batchId) {
        return directory.resolve(batchId);
    }
}
