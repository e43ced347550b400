package ru.journalarchive.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;
import ru.journalarchive.retrieval.DocumentRetrieval;
import ru.journalarchive.retrieval.RetrievalRequest;
import ru.journalarchive.retrieval.RetrievalResult;

/**
 * A document handed out to a page as bytes by the verified retrieval (hashed against the registry as it is copied,
 * logged as {@code retrieve}), through a temporary file that never outlives the call.
 */
final class VerifiedBytes {

    /** The retrieval's result and the bytes it handed out. */
    record Retrieved(RetrievalResult result, byte[] bytes) {
    }

    private VerifiedBytes() {
    }

    /**
     * The verified copy, or empty when no replica is intact (nothing handed out, {@code retrieve-failed} logged).
     *
     * @throws ru.journalarchive.retrieval.RetrievalRefusedException for a request the retrieval refuses
     */
    static Optional<Retrieved> of(DocumentRetrieval retrieval, UUID documentId, String actor, String purpose,
            String requester) {
        Path dir = null;
        Path out = null;
        try {
            dir = Files.createTempDirectory("verified-copy");
            out = dir.resolve("copy.pdf");
            RetrievalResult result = retrieval.retrieve(new RetrievalRequest(documentId, null, out, actor, purpose,
                    requester));
            return result.retrieved() ? Optional.of(new Retrieved(result, Files.readAllBytes(out))) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            try {
                if (out != null) {
                    Files.deleteIfExists(out);
                }
                if (dir != null) {
                    Files.deleteIfExists(dir);
                }
            } catch (IOException ignored) {
                // an empty temporary folder left behind holds nothing
            }
        }
    }
}
