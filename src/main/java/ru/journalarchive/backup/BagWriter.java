package ru.journalarchive.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Writes one BagIt 1.0 bag into an empty directory: payload files under {@code data/} (each forced to the device),
 * then the tag files ({@code bagit.txt}, {@code bag-info.txt} with Payload-Oxum, the SHA-256 manifest and tag
 * manifest), then forces every directory. Not thread-safe.
 */
final class BagWriter {

    private static final String PARTIAL = ".partial";

    private final Path root;
    private final Path data;
    private final Map<String, String> manifest = new TreeMap<>();
    private final Map<String, byte[]> tagFiles = new LinkedHashMap<>();
    private final Set<Path> directories = new LinkedHashSet<>();
    private long payloadBytes;

    /**
     * Prepares the bag in {@code root}, creating it if missing.
     *
     * @throws BackupException {@code notDirectory} or {@code directoryNotEmpty}
     */
    BagWriter(Path root) {
        this.root = root.toAbsolutePath().normalize();
        this.data = this.root.resolve(BagFiles.DATA);
        try {
            if (Files.exists(this.root) && !Files.isDirectory(this.root)) {
                throw new BackupException("notDirectory", this.root);
            }
            if (Files.isDirectory(this.root)) {
                try (Stream<Path> entries = Files.list(this.root)) {
                    if (entries.findAny().isPresent()) {
                        throw new BackupException("directoryNotEmpty", this.root);
                    }
                }
            }
            Files.createDirectories(data);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the bag directory " + this.root, e);
        }
        directories.add(this.root);
        directories.add(data);
    }

    Path root() {
        return root;
    }

    /**
     * Copies a payload file to {@code data/<path>} if its bytes hash to {@code expectedSha256}; a file that does not
     * match is removed and nothing is recorded.
     *
     * @return the digest of the written file, or empty if the content did not match
     */
    Optional<BagFiles.Digest> addPayload(String path, InputStream in, String expectedSha256) throws IOException {
        Path target = data.resolve(path).normalize();
        if (!target.startsWith(data) || manifest.containsKey(BagFiles.DATA + "/" + path)) {
            throw new IllegalArgumentException("payload path '%s' leaves data/ or is there twice".formatted(path));
        }
        createDirectories(target.getParent());
        Path partial = target.resolveSibling(target.getFileName() + PARTIAL);
        MessageDigest digest = BagFiles.sha256();
        long size = 0;
        try (DigestInputStream hashing = new DigestInputStream(in, digest);
             FileChannel channel = FileChannel.open(partial, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            byte[] buffer = new byte[256 * 1024];
            for (int n; (n = hashing.read(buffer)) != -1; ) {
                ByteBuffer chunk = ByteBuffer.wrap(buffer, 0, n);
                while (chunk.hasRemaining()) {
                    channel.write(chunk);
                }
                size += n;
            }
            channel.force(true);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(partial);
            throw e;
        }
        String sha256 = BagFiles.hex(digest.digest());
        if (!sha256.equals(expectedSha256)) {
            Files.delete(partial);
            return Optional.empty();
        }
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        manifest.put(BagFiles.DATA + "/" + path, sha256);
        payloadBytes += size;
        return Optional.of(new BagFiles.Digest(sha256, size));
    }

    /** Adds a tag file (besides the ones {@link #finish} writes) in the bag's base directory. */
    void addTagFile(String name, byte[] content) {
        tagFiles.put(name, content.clone());
    }

    int payloadFiles() {
        return manifest.size();
    }

    long payloadBytes() {
        return payloadBytes;
    }

    /**
     * Writes the manifests, {@code bagit.txt} and {@code bag-info.txt} (with Payload-Oxum and Bag-Size appended to
     * {@code bagInfo}) and the added tag files, then forces every file and directory of the bag to the device.
     */
    void finish(Map<String, String> bagInfo) throws IOException {
        StringBuilder manifestText = new StringBuilder();
        manifest.forEach((path, sha) -> manifestText.append(sha).append("  ").append(BagFiles.encodePath(path))
                .append('\n'));
        Map<String, String> info = new LinkedHashMap<>(bagInfo);
        info.put("Payload-Oxum", payloadBytes + "." + manifest.size());
        info.put("Bag-Size", BagFiles.humanSize(payloadBytes));
        StringBuilder infoText = new StringBuilder();
        info.forEach((label, value) -> infoText.append(label).append(": ")
                .append(value.replace("\r", " ").replace("\n", " ")).append('\n'));

        Map<String, byte[]> tags = new LinkedHashMap<>();
        tags.put(BagFiles.BAGIT_TXT, ("BagIt-Version: " + BagFiles.BAGIT_VERSION + "\n"
                + "Tag-File-Character-Encoding: UTF-8\n").getBytes(StandardCharsets.UTF_8));
        tags.put(BagFiles.BAG_INFO, infoText.toString().getBytes(StandardCharsets.UTF_8));
        tags.put(BagFiles.MANIFEST, manifestText.toString().getBytes(StandardCharsets.UTF_8));
        tags.putAll(tagFiles);
        StringBuilder tagManifest = new StringBuilder();
        for (Map.Entry<String, byte[]> tag : tags.entrySet()) {
            writeDurably(root.resolve(tag.getKey()), tag.getValue());
            tagManifest.append(BagFiles.sha256(tag.getValue())).append("  ")
                    .append(BagFiles.encodePath(tag.getKey())).append('\n');
        }
        writeDurably(root.resolve(BagFiles.TAG_MANIFEST), tagManifest.toString().getBytes(StandardCharsets.UTF_8));
        // Deepest first, so that each directory's entry in its parent is forced after its own entries.
        for (Path dir : directories.stream().sorted(Comparator.comparingInt(Path::getNameCount).reversed()).toList()) {
            forceDirectory(dir);
        }
    }

    /** Removes everything written so far (after a failed export), leaving the directory empty as it was found. */
    void discard() {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                if (!p.equals(root)) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the unfinished bag in " + root, e);
        }
    }

    private void createDirectories(Path dir) throws IOException {
        for (Path p = dir; p != null && p.startsWith(data) && directories.add(p); p = p.getParent()) {
            // remembered for forcing at the end
        }
        Files.createDirectories(dir);
    }

    private static void writeDurably(Path file, byte[] content) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
    }

    /** Forces a directory's entries to the device (POSIX); where directories cannot be opened, the OS journals them. */
    private static void forceDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Windows cannot open a directory as a channel; NTFS journals its metadata.
        }
    }
}
