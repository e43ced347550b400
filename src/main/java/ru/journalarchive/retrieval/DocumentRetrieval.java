package ru.journalarchive.retrieval;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import ru.journalarchive.accesslog.AccessAction;
import ru.journalarchive.accesslog.AccessEntry;
import ru.journalarchive.accesslog.AccessLog;
import ru.journalarchive.registry.ArchivedDocument;
import ru.journalarchive.registry.DocumentRegistry;
import ru.journalarchive.registry.Tombstones;
import ru.journalarchive.storage.StorageLocation;
import ru.journalarchive.storage.StorageLocations;

/**
 * Hands an archived document out as a file: streams it from one replica after another into a temporary file
 * beside the target, hashing as it copies, and moves it into place (atomically) only when its SHA-256 is the
 * registry's; a damaged, missing or unreadable replica is skipped and the next tried. With no intact replica
 * nothing is left at the target. Every retrieval, handed out or not, is recorded in the access log.
 */
@Service
public class DocumentRetrieval {

    private static final Logger log = LoggerFactory.getLogger(DocumentRetrieval.class);

    private final DocumentRegistry registry;
    private final StorageLocations locations;
    private final AccessLog accessLog;
    private final Tombstones tombstones;

    DocumentRetrieval(DocumentRegistry registry, StorageLocations locations, AccessLog accessLog,
            Tombstones tombstones) {
        this.tombstones = tombstones;
        this.registry = registry;
        this.locations = locations;
        this.accessLog = accessLog;
    }

    /**
     * Retrieves a document.
     *
     * @throws RetrievalRefusedException before anything is read, for a request that cannot be served
     */
    public RetrievalResult retrieve(RetrievalRequest request) {
        if (request.actor() == null || request.actor().isBlank()) {
            throw new RetrievalRefusedException(RetrievalRefusedException.Reason.ACTOR_MISSING, "actor is required");
        }
        if (request.purpose() == null || request.purpose().isBlank()) {
            throw new RetrievalRefusedException(RetrievalRefusedException.Reason.PURPOSE_MISSING,
                    "purpose is required");
        }
        ArchivedDocument document;
        try {
            document = registry.get(request.documentId());
        } catch (IllegalArgumentException unknown) {
            throw new RetrievalRefusedException(RetrievalRefusedException.Reason.NO_SUCH_DOCUMENT,
                    unknown.getMessage());
        }
        var tombstone = tombstones.of(document.id());
        if (tombstone.isPresent() || tombstones.isRetired(document.id())) {
            // Destroyed under an executed act (or being destroyed): there is nothing to hand out, by law.
            throw new RetrievalRefusedException(RetrievalRefusedException.Reason.DESTROYED,
                    tombstone.map(Tombstones.Tombstone::actNumber).orElse("?"));
        }
        ArchivedDocument.ArchivedObject object = object(document, request.role());
        Path out = request.out().toAbsolutePath();
        if (Files.exists(out)) {
            throw new RetrievalRefusedException(RetrievalRefusedException.Reason.OUT_EXISTS, out + " exists");
        }
        if (out.getParent() == null || !Files.isDirectory(out.getParent())) {
            throw new RetrievalRefusedException(RetrievalRefusedException.Reason.OUT_DIRECTORY_MISSING,
                    out.getParent() + " is not a directory");
        }
        List<RetrievalResult.SkippedReplica> skipped = new ArrayList<>();
        for (ArchivedDocument.Replica replica : object.replicas()) {
            Optional<RetrievalResult.SkippedReplica> problem = copyVerified(object, replica, out);
            if (problem.isEmpty()) {
                accessLog.record(AccessEntry.of(request.actor(), AccessAction.RETRIEVE, document.id(),
                        request.purpose(), request.requester(), "role=" + object.role() + " location="
                                + replica.location() + " sha256=" + object.sha256()));
                log.info("Document {} ({}) retrieved from {}, {} replica(s) skipped", document.id(), object.role(),
                        replica.location(), skipped.size());
                return new RetrievalResult(document, object, replica.location(), out, List.copyOf(skipped));
            }
            log.warn("Document {} ({}): replica in {} skipped: {}", document.id(), object.role(), replica.location(),
                    problem.get().reason());
            skipped.add(problem.get());
        }
        accessLog.record(AccessEntry.of(request.actor(), AccessAction.RETRIEVE_FAILED, document.id(),
                request.purpose(), request.requester(), "role=" + object.role() + " no intact replica of "
                        + object.replicas().size()));
        return new RetrievalResult(document, object, null, out, List.copyOf(skipped));
    }

    private static ArchivedDocument.ArchivedObject object(ArchivedDocument document, String role) {
        if (role == null) {
            return document.object(ArchivedDocument.ROLE_SIGNED_PDF)
                    .or(() -> document.object(ArchivedDocument.ROLE_PDF))
                    .orElseThrow(() -> new RetrievalRefusedException(RetrievalRefusedException.Reason.NO_SUCH_ROLE,
                            "document has no PDF"));
        }
        return document.object(role).orElseThrow(() -> new RetrievalRefusedException(
                RetrievalRefusedException.Reason.NO_SUCH_ROLE, "document has no " + role));
    }

    /** Copies one replica to {@code out} if its bytes hash to the registry's SHA-256; else says why not. */
    private Optional<RetrievalResult.SkippedReplica> copyVerified(ArchivedDocument.ArchivedObject object,
            ArchivedDocument.Replica replica, Path out) {
        Optional<StorageLocation> location = locations.all().stream()
                .filter(l -> l.name().equals(replica.location())).findFirst();
        if (location.isEmpty()) {
            return skip(replica, RetrievalResult.SkipReason.LOCATION_NOT_CONFIGURED, null, null);
        }
        Path temp = null;
        try {
            temp = Files.createTempFile(out.getParent(), "." + out.getFileName() + ".", ".part");
            MessageDigest sha256 = sha256();
            try (InputStream in = new DigestInputStream(location.get().open(replica.key()), sha256);
                 FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE,
                         StandardOpenOption.TRUNCATE_EXISTING);
                 OutputStream file = Channels.newOutputStream(channel)) {
                in.transferTo(file);
                file.flush();
                channel.force(true);
            }
            String actual = HexFormat.of().formatHex(sha256.digest());
            if (!actual.equals(object.sha256())) {
                return skip(replica, RetrievalResult.SkipReason.DAMAGED, actual, null);
            }
            Files.move(temp, out, StandardCopyOption.ATOMIC_MOVE);
            temp = null;
            return Optional.empty();
        } catch (NoSuchFileException missing) {
            return skip(replica, RetrievalResult.SkipReason.MISSING, null, null);
        } catch (IOException | RuntimeException unreadable) {
            return skip(replica, RetrievalResult.SkipReason.UNREADABLE, null, String.valueOf(unreadable.getMessage()));
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // a leftover hidden .part file holds no verified bytes and is never handed out
                }
            }
        }
    }

    private static Optional<RetrievalResult.SkippedReplica> skip(ArchivedDocument.Replica replica,
            RetrievalResult.SkipReason reason, String actual, String detail) {
        return Optional.of(new RetrievalResult.SkippedReplica(replica.location(), replica.key(), reason, actual,
                detail));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
