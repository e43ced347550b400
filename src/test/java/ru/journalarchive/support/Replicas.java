package ru.journalarchive.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import ru.journalarchive.freezing.CanonicalJson;
import ru.journalarchive.registry.ArchivedDocument;
import ru.journalarchive.storage.StorageLocations;

/** Reads an archived object's bytes back from its storage locations, for tests that check what was stored. */
public final class Replicas {

    private Replicas() {
    }

    /** The bytes of the object's first replica. */
    public static byte[] first(StorageLocations locations, ArchivedDocument.ArchivedObject object) {
        ArchivedDocument.Replica replica = object.replicas().get(0);
        try (var in = locations.get(replica.location()).open(replica.key())) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The bytes of a document's object of a role, from its first replica. */
    public static byte[] first(StorageLocations locations, ArchivedDocument document, String role) {
        return first(locations, document.object(role).orElseThrow());
    }

    /**
     * The bytes of a document's object of a role, asserting it is stored in site-a and site-b, byte-identical, with the
     * registry's SHA-256.
     */
    public static byte[] identical(StorageLocations locations, ArchivedDocument document, String role) {
        ArchivedDocument.ArchivedObject object = document.object(role).orElseThrow();
        assertThat(object.replicas()).extracting(ArchivedDocument.Replica::location)
                .containsExactlyInAnyOrder("site-a", "site-b");
        List<byte[]> copies = new ArrayList<>();
        for (ArchivedDocument.Replica replica : object.replicas()) {
            try (var in = locations.get(replica.location()).open(replica.key())) {
                copies.add(in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        assertThat(copies.get(0)).isEqualTo(copies.get(1));
        assertThat(CanonicalJson.sha256(copies.get(0))).isEqualTo(object.sha256());
        return copies.get(0);
    }
}
