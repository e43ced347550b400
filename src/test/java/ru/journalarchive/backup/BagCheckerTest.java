package ru.journalarchive.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The offline bag check on bags written by {@link BagWriter}, without a database. */
class BagCheckerTest {

    @TempDir
    Path tmp;

    @Test
    void aFreshBagIsCleanAndItsOxumCountsEveryPayloadByte() throws Exception {
        Path bag = bag();

        BagReport report = BagChecker.check(bag);

        assertThat(report.problems()).isEmpty();
        assertThat(report.mediumId()).isEqualTo("M-1");
        assertThat(report.payloadFiles()).isEqualTo(2);
        assertThat(BagChecker.readBagInfo(bag)).containsEntry("Payload-Oxum", "11.2");
    }

    @Test
    void aPayloadFileThatDoesNotMatchTheRegistryHashIsNeverWritten() throws Exception {
        BagWriter writer = new BagWriter(tmp.resolve("bag"));

        assertThat(writer.addPayload("s/a.pdf", in("damaged"), BagFiles.sha256(bytes("intact")))).isEmpty();

        assertThat(tmp.resolve("bag/data/s")).isEmptyDirectory();
        assertThat(writer.payloadFiles()).isZero();
    }

    @Test
    void anEditedTagFileAndAManifestLineLeavingTheBagAreReported() throws Exception {
        Path bag = bag();
        Files.writeString(bag.resolve("README.txt"), "изменено");
        Files.writeString(bag.resolve("manifest-sha256.txt"), "0".repeat(64) + "  data/../../etc/passwd\n",
                StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);

        BagReport report = BagChecker.check(bag);

        assertThat(report.problems()).extracting(BagReport.Problem::kind, BagReport.Problem::path)
                .contains(org.assertj.core.groups.Tuple.tuple(BagReport.Kind.TAG_FILE_DIFFERS, "README.txt"),
                        org.assertj.core.groups.Tuple.tuple(BagReport.Kind.MANIFEST_LINE_INVALID,
                                "manifest-sha256.txt"),
                        org.assertj.core.groups.Tuple.tuple(BagReport.Kind.TAG_FILE_DIFFERS, "manifest-sha256.txt"));
    }

    @Test
    void aFolderWithoutBagitTxtIsNotABag() throws Exception {
        Path empty = Files.createDirectories(tmp.resolve("empty"));

        assertThat(BagChecker.check(empty).problems()).extracting(BagReport.Problem::kind)
                .containsExactly(BagReport.Kind.NOT_A_BAG);
        assertThatThrownBy(() -> BagChecker.payloadManifest(empty)).isInstanceOf(BackupException.class)
                .extracting(e -> ((BackupException) e).reason()).isEqualTo("notABag");
    }

    private Path bag() throws Exception {
        BagWriter writer = new BagWriter(tmp.resolve("bag"));
        writer.addPayload("s/2024-2025/Q1/1a/a.pdf", in("hello"), BagFiles.sha256(bytes("hello")));
        writer.addPayload("s/2024-2025/Q1/1a/a.json", in("world!"), BagFiles.sha256(bytes("world!")));
        writer.addTagFile("README.txt", bytes("Резервная копия"));
        Map<String, String> info = new LinkedHashMap<>();
        info.put("External-Identifier", "M-1");
        writer.finish(info);
        return writer.root();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static ByteArrayInputStream in(String s) {
        return new ByteArrayInputStream(bytes(s));
    }
}
