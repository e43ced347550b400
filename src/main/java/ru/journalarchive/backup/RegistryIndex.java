package ru.journalarchive.backup;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import ru.journalarchive.registry.ArchivedDocument;
import ru.journalarchive.registry.DocumentQuery;
import ru.journalarchive.registry.DocumentRegistry;
import ru.journalarchive.registry.Tombstones;

/**
 * The registered objects of some schools by object key, for matching a bag's payload with the registry (a key's
 * first segment is its school id, see {@code archive-format/storage-layout.md}); the objects of destroyed documents
 * are kept apart, with their tombstones, so that they are named as destroyed and never restored.
 */
final class RegistryIndex {

    private final Map<String, Entry> byKey = new HashMap<>();
    private final Map<String, Tombstones.Tombstone> destroyedByKey = new HashMap<>();

    private RegistryIndex() {
    }

    /** The registered objects of the schools the keys belong to, and those of their destroyed documents apart. */
    static RegistryIndex ofKeys(DocumentRegistry registry, Tombstones tombstones, Collection<String> keys) {
        Set<String> schools = new LinkedHashSet<>();
        for (String key : keys) {
            int slash = key.indexOf('/');
            schools.add(slash < 0 ? key : key.substring(0, slash));
        }
        RegistryIndex index = new RegistryIndex();
        for (String school : schools) {
            for (ArchivedDocument document : registry.list(new DocumentQuery(school, null, null, null))) {
                for (ArchivedDocument.ArchivedObject object : document.objects()) {
                    index.byKey.put(object.key(), new Entry(document, object));
                }
            }
            for (ArchivedDocument document : registry.listDestroyed(new DocumentQuery(school, null, null, null))) {
                Tombstones.Tombstone tombstone = tombstones.of(document.id()).orElseThrow();
                for (ArchivedDocument.ArchivedObject object : document.objects()) {
                    index.destroyedByKey.put(object.key(), tombstone);
                }
            }
        }
        return index;
    }

    /** The tombstone of the destroyed document whose object is under the key, if it is one. */
    Optional<Tombstones.Tombstone> destroyed(String key) {
        return Optional.ofNullable(destroyedByKey.get(key));
    }

    Optional<Entry> get(String key) {
        return Optional.ofNullable(byKey.get(key));
    }

    /** A registered object and its document. */
    record Entry(ArchivedDocument document, ArchivedDocument.ArchivedObject object) {
    }
}
