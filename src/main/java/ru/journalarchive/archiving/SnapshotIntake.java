package ru.journalarchive.archiving;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import ru.journalarchive.freezing.CanonicalJson;
import ru.journalarchive.registry.ImportedSnapshot;
import ru.journalarchive.registry.NewImport;
import ru.journalarchive.registry.SnapshotImports;
import ru.journalarchive.regulations.Regulations;
import ru.journalarchive.regulations.SnapshotConformance;
import ru.journalarchive.snapshot.ClassJournal;
import ru.journalarchive.snapshot.ClassJournals;
import ru.journalarchive.snapshot.Snapshot;
import ru.journalarchive.snapshot.SnapshotReader;
import ru.journalarchive.snapshot.SnapshotRejectedException;

/**
 * Imports a snapshot file: validates it whole (the contract, then the school's regulation profile: marking scale and
 * periods), then registers it and its classes in one transaction. A rejected
 * snapshot throws {@link SnapshotRejectedException} before anything is written.
 */
@Service
public class SnapshotIntake {

    private static final Logger log = LoggerFactory.getLogger(SnapshotIntake.class);

    private final SnapshotReader reader;
    private final SnapshotImports imports;
    private final Regulations regulations;

    SnapshotIntake(SnapshotReader reader, SnapshotImports imports, Regulations regulations) {
        this.reader = reader;
        this.imports = imports;
        this.regulations = regulations;
    }

    /** The import of this file's exact bytes made earlier, if any; validates the file, registers nothing. */
    public java.util.Optional<ImportedSnapshot> importedBefore(Path file) {
        return imports.findIdBySha256(CanonicalJson.sha256(reader.receive(file).bytes())).map(imports::get);
    }

    /** Validates and registers a snapshot file; identical bytes imported before return the earlier import. */
    public ImportResult importFile(Path file) {
        SnapshotReader.Received received = reader.receive(file);
        Snapshot snapshot = received.snapshot();
        // The contract holds; now the school's own regulation (its marking scale, its periods per grade).
        var violations = SnapshotConformance.check(snapshot, regulations.forSchool(snapshot.school().id()));
        if (!violations.isEmpty()) {
            throw new SnapshotRejectedException(violations);
        }
        byte[] raw = received.bytes();
        String sha256 = CanonicalJson.sha256(raw);
        var earlier = imports.findIdBySha256(sha256);
        if (earlier.isPresent()) {
            return new ImportResult(imports.get(earlier.get()), true);
        }
        // Canonicalising each class is independent CPU work: spread it over the cores.
        List<NewImport.NewClass> classes = ClassJournals.of(snapshot).parallelStream()
                .map(SnapshotIntake::toNewClass).toList();
        SnapshotImports.Registration registration = imports.registerOnce(new NewImport(sha256, snapshot.school().id(),
                snapshot.school().name(), snapshot.academicYear(), snapshot.exportedAt(),
                snapshot.source() == null ? null : snapshot.source().system(), file.getFileName().toString(),
                raw.length, gzip(raw), classes));
        ImportedSnapshot registered = registration.snapshot();
        if (!registration.created()) {
            // Identical bytes registered at the same moment by another request (two uploads racing).
            return new ImportResult(registered, true);
        }
        log.info("Snapshot {} of school {} accepted as import {} ({} classes)", sha256.substring(0, 12),
                registered.schoolId(), registered.id(), classes.size());
        return new ImportResult(registered, false);
    }

    private static NewImport.NewClass toNewClass(ClassJournal journal) {
        var c = journal.schoolClass();
        return new NewImport.NewClass(c.id(), c.name(), c.grade(), c.period().id(), CanonicalJson.of(journal));
    }

    private static byte[] gzip(byte[] raw) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length / 6 + 64);
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(raw);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
