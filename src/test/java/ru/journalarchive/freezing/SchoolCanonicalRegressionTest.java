package ru.journalarchive.freezing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import ru.journalarchive.snapshot.ClassJournal;
import ru.journalarchive.snapshot.ClassJournals;
import ru.journalarchive.snapshot.SnapshotReader;

/**
 * A school's frozen journal keeps exactly the bytes it had before colleges were added to the contract: otherwise every
 * re-export of an already closed period would be refused as a retroactive change. The hashes were computed with the
 * code before {@code school.kind} and {@code lastCourse} existed.
 */
class SchoolCanonicalRegressionTest {

    private static final Map<String, String> BEFORE_COLLEGES = Map.of(
            "1А", "b5150c87da3d06af4df0956bd29147cce04dee4247666a087d5f4676e55ae32f",
            "5А", "e5b943f46cdfae4094dd4c26b00decad8d40c3ac629e7b13ad067c5216ded2ca",
            "9Б", "f5065a8afb5fc4e1c74bb7f0672ccbd99e5f778a828b1535aaabb5b2824e0eba",
            "10А", "de41b3c771ca2ae91c606664f7c0a0992760655e237632b5cbb15f7d301115b9");

    private static final Path EXAMPLE = Path.of("archive-format/examples/example-school.json");

    @Test
    void theExampleSchoolFreezesToTheSameBytesAsBeforeColleges() {
        Map<String, String> hashes = new LinkedHashMap<>();
        for (ClassJournal journal : ClassJournals.of(SnapshotReader.withDefaults().read(EXAMPLE))) {
            hashes.put(journal.schoolClass().name(), CanonicalJson.sha256(CanonicalJson.of(journal)));
            String text = new String(CanonicalJson.of(journal), StandardCharsets.UTF_8);
            assertThat(text).doesNotContain("\"kind\"").doesNotContain("lastCourse").doesNotContain("\"college\"");
        }

        assertThat(hashes).isEqualTo(BEFORE_COLLEGES);
    }

    @Test
    void aSchoolThatNamesItsKindExplicitlyFreezesToTheSameBytesAsOneThatDoesNot() throws Exception {
        String json = java.nio.file.Files.readString(EXAMPLE).replaceFirst("\"director\": ",
                "\"kind\": \"school\", \"director\": ");
        assertThat(json).contains("\"kind\": \"school\"");
        var snapshot = SnapshotReader.withDefaults()
                .read(new java.io.ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));

        assertThat(snapshot.school().isCollege()).isFalse();
        ClassJournal journal = ClassJournals.of(snapshot).get(2);
        assertThat(CanonicalJson.sha256(CanonicalJson.of(journal))).isEqualTo(BEFORE_COLLEGES.get("9Б"));
    }
}
