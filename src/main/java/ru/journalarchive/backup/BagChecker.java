package ru.journalarchive.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Checks a BagIt bag on its own, offline, as RFC 8493 defines validity: {@code bagit.txt}, every payload manifest
 * line's SHA-256, no payload file missing or unlisted, Payload-Oxum, and every tag manifest line. Needs no database.
 */
public final class BagChecker {

    private static final Pattern MANIFEST_LINE = Pattern.compile("([0-9a-fA-F]{64})[ \\t]+(\\S.*)");

    private BagChecker() {
    }

    /** Checks the bag in {@code bag}; see {@link #inspect(Path)} for the hashes found. */
    public static BagReport check(Path bag) {
        return inspect(bag).report();
    }

    /** Checks the bag and returns, besides the report, the payload files found with their actual hashes. */
    static Inspection inspect(Path bag) {
        Path root = bag.toAbsolutePath().normalize();
        List<BagReport.Problem> problems = new ArrayList<>();
        Map<String, String> bagInfo = readBagInfo(root);
        String mediumId = bagInfo.get("External-Identifier");
        if (!isBagitTxtValid(root)) {
            problems.add(new BagReport.Problem(BagReport.Kind.NOT_A_BAG, BagFiles.BAGIT_TXT, null, null));
            return new Inspection(new BagReport(mediumId, 0, 0, problems), Map.of(), Map.of(), bagInfo);
        }
        Optional<Map<String, String>> manifest = readManifest(root.resolve(BagFiles.MANIFEST), problems, true);
        if (manifest.isEmpty()) {
            problems.add(new BagReport.Problem(BagReport.Kind.MANIFEST_MISSING, BagFiles.MANIFEST, null, null));
        }
        Map<String, String> expected = manifest.orElse(Map.of());
        Map<String, String> actual = new LinkedHashMap<>();
        long octets = 0;
        for (Map.Entry<String, String> line : expected.entrySet()) {
            Path file = root.resolve(line.getKey());
            if (!Files.isRegularFile(file)) {
                problems.add(new BagReport.Problem(BagReport.Kind.PAYLOAD_MISSING, line.getKey(), line.getValue(),
                        null));
                continue;
            }
            BagFiles.Digest digest = hash(file);
            actual.put(line.getKey(), digest.sha256());
            octets += digest.sizeBytes();
            if (!digest.sha256().equalsIgnoreCase(line.getValue())) {
                problems.add(new BagReport.Problem(BagReport.Kind.PAYLOAD_DIFFERS, line.getKey(), line.getValue(),
                        digest.sha256()));
            }
        }
        int files = expected.size();
        for (String extra : payloadFiles(root)) {
            if (!expected.containsKey(extra)) {
                problems.add(new BagReport.Problem(BagReport.Kind.PAYLOAD_EXTRA, extra, null, null));
                octets += size(root.resolve(extra));
                files++;
            }
        }
        String oxum = bagInfo.get("Payload-Oxum");
        String foundOxum = octets + "." + files;
        if (oxum != null && !oxum.strip().equals(foundOxum)) {
            problems.add(new BagReport.Problem(BagReport.Kind.OXUM_DIFFERS, BagFiles.BAG_INFO, oxum.strip(),
                    foundOxum));
        }
        Path tagManifest = root.resolve(BagFiles.TAG_MANIFEST);
        if (!Files.isRegularFile(tagManifest)) {
            problems.add(new BagReport.Problem(BagReport.Kind.TAG_MANIFEST_MISSING, BagFiles.TAG_MANIFEST, null, null));
        } else {
            readManifest(tagManifest, problems, false).orElse(Map.of()).forEach((path, sha) -> {
                Path file = root.resolve(path);
                if (!Files.isRegularFile(file)) {
                    problems.add(new BagReport.Problem(BagReport.Kind.TAG_FILE_MISSING, path, sha, null));
                } else {
                    String found = hash(file).sha256();
                    if (!found.equalsIgnoreCase(sha)) {
                        problems.add(new BagReport.Problem(BagReport.Kind.TAG_FILE_DIFFERS, path, sha, found));
                    }
                }
            });
        }
        return new Inspection(new BagReport(mediumId, expected.size(), octets, problems), expected, actual, bagInfo);
    }

    /**
     * The payload manifest of a bag, bag-relative path → SHA-256, in file order.
     *
     * @throws BackupException {@code notABag} if the bag has no readable {@code manifest-sha256.txt}
     */
    static Map<String, String> payloadManifest(Path bag) {
        List<BagReport.Problem> problems = new ArrayList<>();
        Path root = bag.toAbsolutePath().normalize();
        if (!isBagitTxtValid(root)) {
            throw new BackupException("notABag", root);
        }
        Map<String, String> manifest = readManifest(root.resolve(BagFiles.MANIFEST), problems, true)
                .orElseThrow(() -> new BackupException("notABag", root));
        if (!problems.isEmpty()) {
            throw new BackupException("notABag", root);
        }
        return manifest;
    }

    /** The labels and values of {@code bag-info.txt} (continuation lines joined); empty if there is none. */
    static Map<String, String> readBagInfo(Path root) {
        Path file = root.resolve(BagFiles.BAG_INFO);
        Map<String, String> info = new LinkedHashMap<>();
        if (!Files.isRegularFile(file)) {
            return info;
        }
        String last = null;
        for (String line : readLines(file)) {
            if (!line.isEmpty() && Character.isWhitespace(line.charAt(0)) && last != null) {
                info.put(last, info.get(last) + " " + line.strip());
                continue;
            }
            int colon = line.indexOf(':');
            if (colon > 0) {
                last = line.substring(0, colon).strip();
                info.putIfAbsent(last, line.substring(colon + 1).strip());
            }
        }
        return info;
    }

    private static boolean isBagitTxtValid(Path root) {
        Path file = root.resolve(BagFiles.BAGIT_TXT);
        if (!Files.isRegularFile(file)) {
            return false;
        }
        List<String> lines = readLines(file);
        return lines.size() >= 2 && lines.get(0).matches("BagIt-Version: \\d+\\.\\d+")
                && lines.get(1).strip().equalsIgnoreCase("Tag-File-Character-Encoding: UTF-8");
    }

    private static Optional<Map<String, String>> readManifest(Path file, List<BagReport.Problem> problems,
            boolean payload) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Map<String, String> entries = new LinkedHashMap<>();
        String name = file.getFileName().toString();
        for (String line : readLines(file)) {
            if (line.isBlank()) {
                continue;
            }
            Matcher m = MANIFEST_LINE.matcher(line);
            String path = m.matches() ? BagFiles.decodePath(m.group(2)) : null;
            boolean inside = path != null && isSafe(path) && (payload == path.startsWith(BagFiles.DATA + "/"));
            if (!inside || entries.putIfAbsent(path, m.group(1).toLowerCase(java.util.Locale.ROOT)) != null) {
                problems.add(new BagReport.Problem(BagReport.Kind.MANIFEST_LINE_INVALID, name, null, line));
            }
        }
        return Optional.of(entries);
    }

    /** A bag-relative path that stays inside the bag: no absolute path, no empty, '.' or '..' segment. */
    private static boolean isSafe(String path) {
        if (path.startsWith("/") || path.contains("\\")) {
            return false;
        }
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                return false;
            }
        }
        return true;
    }

    private static List<String> payloadFiles(Path root) {
        Path data = root.resolve(BagFiles.DATA);
        if (!Files.isDirectory(data)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(data)) {
            return walk.filter(Files::isRegularFile).map(p -> BagFiles.relative(root, p)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the payload of " + root, e);
        }
    }

    private static BagFiles.Digest hash(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return BagFiles.sha256(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    private static List<String> readLines(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            if (text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            return text.lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /**
     * What {@link #inspect} found: the report, the manifest (path → listed hash), the hashes of the payload files
     * that exist (path → actual hash) and bag-info.
     */
    record Inspection(BagReport report, Map<String, String> manifest, Map<String, String> actual,
                      Map<String, String> bagInfo) {

        Inspection withProblems(List<BagReport.Problem> more) {
            List<BagReport.Problem> all = new ArrayList<>(report.problems());
            all.addAll(more);
            return new Inspection(new BagReport(report.mediumId(), report.payloadFiles(), report.payloadBytes(),
                    List.copyOf(all)), manifest, actual, bagInfo);
        }
    }
}
