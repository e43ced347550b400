package ru.journalarchive.backup;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/** The names, path encoding and hashing rules of a BagIt 1.0 bag (RFC 8493) as this archive writes and reads it. */
final class BagFiles {

    static final String BAGIT_TXT = "bagit.txt";
    static final String BAG_INFO = "bag-info.txt";
    static final String MANIFEST = "manifest-sha256.txt";
    static final String TAG_MANIFEST = "tagmanifest-sha256.txt";
    static final String REGISTRY_JSON = "registry.json";
    static final String README = "README.txt";
    static final String DATA = "data";
    static final String BAGIT_VERSION = "1.0";

    private BagFiles() {
    }

    /** A manifest path: RFC 8493 §2.1.3 percent-encodes CR, LF and '%' (and nothing else) in file paths. */
    static String encodePath(String path) {
        return path.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    static String decodePath(String path) {
        return path.replace("%0D", "\r").replace("%0d", "\r").replace("%0A", "\n").replace("%0a", "\n")
                .replace("%25", "%");
    }

    /** The bag-relative path of a file in the bag, always with '/' separators. */
    static String relative(Path bag, Path file) {
        return bag.relativize(file).toString().replace(java.io.File.separatorChar, '/');
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime provides SHA-256", e);
        }
    }

    static String hex(byte[] digest) {
        return HexFormat.of().formatHex(digest);
    }

    static String sha256(byte[] content) {
        return hex(sha256().digest(content));
    }

    /** The lower-case hex SHA-256 and length of what the stream yields; the caller closes the stream. */
    static Digest sha256(InputStream in) throws IOException {
        MessageDigest digest = sha256();
        byte[] buffer = new byte[256 * 1024];
        long size = 0;
        for (int n; (n = in.read(buffer)) != -1; ) {
            digest.update(buffer, 0, n);
            size += n;
        }
        return new Digest(hex(digest.digest()), size);
    }

    /** A size for people, in decimal units as BagIt's Bag-Size customarily is, e.g. {@code 12.3 MB}. */
    static String humanSize(long bytes) {
        String[] units = {"bytes", "KB", "MB", "GB", "TB"};
        double value = bytes;
        int unit = 0;
        while (value >= 1000 && unit < units.length - 1) {
            value /= 1000;
            unit++;
        }
        return unit == 0 ? bytes + " bytes" : String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }

    record Digest(String sha256, long sizeBytes) {
    }
}
