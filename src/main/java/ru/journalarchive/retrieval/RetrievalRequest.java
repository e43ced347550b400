package ru.journalarchive.retrieval;

import java.nio.file.Path;
import java.util.UUID;

/**
 * A retrieval: which document, which object ({@code pdf}, {@code signed-pdf}, {@code source-json}; null: the signed
 * rendition if there is one, else the PDF), where to write it, and who retrieves it, why and for whom.
 */
public record RetrievalRequest(UUID documentId, String role, Path out, String actor, String purpose,
                               String requester) {
}
