package ru.journalarchive.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import ru.journalarchive.archiving.DocumentSigner;
import ru.journalarchive.signing.PreparedSignature;

/**
 * {@code sign complete --in DIR}: phase 3 of external signing. Embeds every signature value of the batch (checked
 * against the certificate and the data to sign) with a timestamp, verifies the result and archives the signed
 * rendition in every location. Documents without a value, or with a wrong one, are named and left unsigned; running
 * it again on the same folder signs nothing twice.
 */
@Component
@Scope("prototype") // options must not carry over between runs in one process
@Command(name = "complete", mixinStandardHelpOptions = true, resourceBundle = "i18n.cli")
class SignCompleteCommand implements Callable<Integer> {

    @Option(names = "--in", required = true, descriptionKey = "sign.offline.in")
    Path in;

    private final DocumentSigner signer;
    private final Messages messages;
    private final PendingSignatures pending;

    SignCompleteCommand(DocumentSigner signer, Messages messages, PendingSignatures pending) {
        this.signer = signer;
        this.messages = messages;
        this.pending = pending;
    }

    @Override
    public Integer call() throws Exception {
        ExternalBatch batch = ExternalBatch.read(in);
        Path serverSide = pending.batch(batch.batch());
        if (!Files.isDirectory(serverSide)) {
            System.err.println(messages.get("sign.complete.unknownBatch", batch.batch()));
            return 2;
        }
        if (Instant.now().isAfter(batch.expiresAt())) {
            System.err.println(messages.get("sign.complete.expired", batch.batch(), batch.expiresAt().toString()));
            return 2;
        }
        int done = 0;
        int failed = 0;
        for (ExternalBatch.Entry entry : batch.documents()) {
            Path sig = in.resolve(entry.sig());
            if (!Files.isRegularFile(sig)) {
                System.err.println(messages.get("sign.complete.missing", entry.title()));
                failed++;
                continue;
            }
            try {
                PreparedSignature prepared = PreparedSignature.fromJson(
                        Files.readString(serverSide.resolve(entry.id() + ".json"), StandardCharsets.UTF_8));
                DocumentSigner.Outcome outcome = signer.completeExternal(UUID.fromString(entry.id()), prepared,
                        Files.readAllBytes(sig));
                done++;
                System.out.println(messages.get("sign.complete.line", entry.title(),
                        messages.get("sign.outcome." + outcome.name())));
            } catch (RuntimeException e) {
                failed++;
                System.err.println(messages.get("sign.complete.failed", entry.title(), e.getMessage()));
            }
        }
        System.out.println(messages.get("sign.complete.summary", done, failed));
        return failed == 0 ? 0 : 1;
    }
}
