package ru.journalarchive.snapshot;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import ru.journalarchive.synthetic.SyntheticSchoolGenerator;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Valid generated snapshots to read or to break on purpose in tests. */
final class Snapshots {

    static final JsonMapper JSON = JsonMapper.shared();

    private static byte[] small;

    private Snapshots() {
    }

    /** The bytes of a generated school: 100 pupils in 1А, 4А, 8А and 11А, closing Q2 of 2024/2025. */
    static synchronized byte[] smallSchool() {
        if (small == null) {
            small = school(100);
        }
        return small.clone();
    }

    static byte[] school(int pupils) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SyntheticSchoolGenerator.write(
                new SyntheticSchoolGenerator.Options(pupils, 2024, "sosh-24", "2024/2025", "Q2"), out);
        return out.toByteArray();
    }

    /** A fresh, mutable tree of {@link #smallSchool()}. */
    static ObjectNode tree() {
        return (ObjectNode) JSON.readTree(smallSchool());
    }

    static ByteArrayInputStream bytes(ObjectNode tree) {
        return new ByteArrayInputStream(JSON.writeValueAsBytes(tree));
    }
}
