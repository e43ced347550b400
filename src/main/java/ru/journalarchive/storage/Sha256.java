package ru.journalarchive.storage;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Computes lower-case hex SHA-256 digests of byte arrays and streams, the hash every location records. */
final class Sha256 {

    private static final int BUFFER = 64 * 1024;

    private Sha256() {
    }

    static String of(byte[] content) {
        return HexFormat.of().formatHex(digest().digest(content));
    }

    /** The digest and length of everything the stream yields; the caller closes the stream. */
    static Digest of(InputStream in) throws IOException {
        MessageDigest digest = digest();
        byte[] buffer = new byte[BUFFER];
        long size = 0;
        for (int n; (n = in.read(buffer)) != -1; ) {
            digest.update(buffer, 0, n);
            size += n;
        }
        return new Digest(HexFormat.of().formatHex(digest.digest()), size);
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime provides SHA-256", e);
        }
    }

    record Digest(String sha256, long sizeBytes) {
    }
}
