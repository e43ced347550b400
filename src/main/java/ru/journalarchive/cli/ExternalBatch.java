package ru.journalarchive.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;

/**
 * The external-signing batch folder ({@code signing/external-signing.md}): {@code manifest.json}, one {@code .tbs}
 * (data to sign) and, once signed, one {@code .sig} (signature value) per document, and {@code certificate.pem}.
 */
record ExternalBatch(String format, String batch, Instant createdAt, Instant expiresAt, String algorithm,
                     String certificateSha256, List<Entry> documents) {

    static final String FORMAT = "journal-archive-external-signing-1";
    static final String MANIFEST = "manifest.json";
    static final String CERTIFICATE = "certificate.pem";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One document of the batch: the document id, a title for the director, and its files. */
    record Entry(String id, String title, String documentSha256, String tbs, String tbsSha256, String sig) {
    }

    static ExternalBatch read(Path dir) {
        Path manifest = dir.resolve(MANIFEST);
        if (!Files.isRegularFile(manifest)) {
            throw new IllegalArgumentException("no " + MANIFEST + " in " + dir);
        }
        ExternalBatch batch = JSON.readValue(manifest.toFile(), ExternalBatch.class);
        if (!FORMAT.equals(batch.format())) {
            throw new IllegalArgumentException(manifest + ": format " + batch.format() + " is not " + FORMAT);
        }
        for (Entry entry : batch.documents()) {
            for (String file : List.of(entry.tbs(), entry.sig())) {
                if (!file.matches("[A-Za-z0-9._-]{1,100}") || file.startsWith(".")) {
                    throw new IllegalArgumentException(manifest + ": unsafe file name " + file);
                }
            }
        }
        return batch;
    }

    void write(Path dir) {
        try {
            Files.createDirectories(dir);
            Files.write(dir.resolve(MANIFEST), JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(this));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
