package ru.journalarchive.backup;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import ru.journalarchive.registry.DocumentRegistry;
import ru.journalarchive.registry.Tombstones;

/**
 * Checks a bag as {@link BagChecker} does and compares it with the registry: payload objects whose hash differs from
 * the registry, payload files the registry does not know, objects of destroyed documents (the medium is then to be
 * destroyed physically), and objects the media register lists for this medium that the bag lacks.
 */
@Service
public class BackupVerifier {

    private final DocumentRegistry registry;
    private final Tombstones tombstones;
    private final BackupMedia media;

    BackupVerifier(DocumentRegistry registry, Tombstones tombstones, BackupMedia media) {
        this.registry = registry;
        this.tombstones = tombstones;
        this.media = media;
    }

    /** The bag's problems, its own and against the registry; {@link BagReport#clean()} when none. */
    public BagReport verify(Path bag) {
        BagChecker.Inspection inspection = BagChecker.inspect(bag);
        if (inspection.report().problems().stream().anyMatch(p -> p.kind() == BagReport.Kind.NOT_A_BAG)) {
            return inspection.report();
        }
        String prefix = BagFiles.DATA + "/";
        Optional<BackupMedium> medium = Optional.ofNullable(inspection.report().mediumId()).flatMap(media::find);
        List<BackupMedium.MediumObject> onMedium = medium.map(m -> media.objects(m.id())).orElse(List.of());
        Set<String> keys = new LinkedHashSet<>();
        inspection.manifest().keySet().forEach(path -> keys.add(path.substring(prefix.length())));
        onMedium.forEach(o -> keys.add(o.key()));
        RegistryIndex index = RegistryIndex.ofKeys(registry, tombstones, keys);

        List<BagReport.Problem> problems = new ArrayList<>();
        if (medium.isEmpty()) {
            problems.add(new BagReport.Problem(BagReport.Kind.MEDIUM_UNKNOWN, BagFiles.BAG_INFO, null,
                    inspection.report().mediumId()));
        }
        for (String path : inspection.manifest().keySet()) {
            Optional<RegistryIndex.Entry> entry = index.get(path.substring(prefix.length()));
            String actual = inspection.actual().get(path);
            Optional<Tombstones.Tombstone> destroyed = index.destroyed(path.substring(prefix.length()));
            if (destroyed.isPresent()) {
                problems.add(new BagReport.Problem(BagReport.Kind.DESTROYED, path, destroyed.get().actNumber(),
                        destroyed.get().destroyedAt().toString()));
            } else if (entry.isEmpty()) {
                problems.add(new BagReport.Problem(BagReport.Kind.NOT_IN_REGISTRY, path, null, actual));
            } else if (actual != null && !actual.equals(entry.get().object().sha256())) {
                problems.add(new BagReport.Problem(BagReport.Kind.REGISTRY_DIFFERS, path,
                        entry.get().object().sha256(), actual));
            }
        }
        for (BackupMedium.MediumObject object : onMedium) {
            String path = prefix + object.key();
            if (!inspection.actual().containsKey(path) && index.destroyed(object.key()).isEmpty()) {
                problems.add(new BagReport.Problem(BagReport.Kind.REGISTRY_OBJECT_MISSING, path, object.sha256(),
                        null));
            }
        }
        return inspection.withProblems(problems).report();
    }
}
