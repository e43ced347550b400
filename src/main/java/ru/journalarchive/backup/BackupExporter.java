package ru.journalarchive.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;
import ru.journalarchive.registry.ArchivedDocument;
import ru.journalarchive.registry.DocumentRegistry;
import ru.journalarchive.storage.StorageLocation;
import ru.journalarchive.storage.StorageLocations;

/**
 * Writes a selection of archived documents to a backup medium as a BagIt bag and registers the medium: every object
 * is read from a replica whose SHA-256 matches the registry (the next replica if one is damaged), and the bag carries
 * a Russian README and a {@code registry.json} to restore from without the database.
 */
@Service
public class BackupExporter {

    private static final Pattern MEDIUM_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final DocumentRegistry registry;
    private final StorageLocations locations;
    private final BackupMedia media;
    private final BackupProperties properties;
    private final Clock clock;
    private final MediumTexts texts = MediumTexts.load();

    @Autowired
    BackupExporter(DocumentRegistry registry, StorageLocations locations, BackupMedia media,
            BackupProperties properties) {
        this(registry, locations, media, properties, Clock.systemDefaultZone());
    }

    BackupExporter(DocumentRegistry registry, StorageLocations locations, BackupMedia media,
            BackupProperties properties, Clock clock) {
        this.registry = registry;
        this.locations = locations;
        this.media = media;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Writes the bag and registers the medium.
     *
     * @throws BackupException if the medium id is invalid or taken, the directory is not empty, nothing is selected,
     *                         the selection does not fit an optical disc, or an object has no intact replica (the
     *                         directory is then emptied again)
     */
    public BagExport export(ExportRequest request) {
        if (request.mediumId() == null || !MEDIUM_ID.matcher(request.mediumId()).matches()) {
            throw new BackupException("mediumId", request.mediumId());
        }
        if (media.exists(request.mediumId())) {
            throw new BackupException("mediumExists", request.mediumId());
        }
        List<ArchivedDocument> documents = registry.list(request.selection());
        if (documents.isEmpty()) {
            throw new BackupException("nothingSelected");
        }
        long bytes = documents.stream().flatMap(d -> d.objects().stream())
                .mapToLong(ArchivedDocument.ArchivedObject::sizeBytes).sum();
        if (request.type() == MediumType.OPTICAL && bytes > properties.opticalCapacity().toBytes()) {
            throw new BackupException("tooLarge", BagFiles.humanSize(bytes),
                    BagFiles.humanSize(properties.opticalCapacity().toBytes()));
        }
        BagWriter bag = new BagWriter(request.directory());
        try {
            return write(request, documents, bag);
        } catch (IOException e) {
            bag.discard();
            throw new UncheckedIOException("cannot write the bag to " + bag.root(), e);
        } catch (RuntimeException e) {
            bag.discard();
            throw e;
        }
    }

    private BagExport write(ExportRequest request, List<ArchivedDocument> documents, BagWriter bag)
            throws IOException {
        Instant writtenAt = clock.instant();
        List<BackupMedium.MediumObject> objects = new ArrayList<>();
        List<String> fallbacks = new ArrayList<>();
        for (ArchivedDocument document : documents) {
            for (ArchivedDocument.ArchivedObject object : document.objects()) {
                boolean first = true;
                Optional<BagFiles.Digest> written = Optional.empty();
                for (ArchivedDocument.Replica replica : object.replicas()) {
                    Optional<StorageLocation> location = locations.all().stream()
                            .filter(l -> l.name().equals(replica.location())).findFirst();
                    if (location.isPresent() && location.get().exists(replica.key())) {
                        try (InputStream in = location.get().open(replica.key())) {
                            written = bag.addPayload(object.key(), in, object.sha256());
                        } catch (IOException | RuntimeException e) {
                            written = Optional.empty(); // unreadable: try the next replica
                        }
                    }
                    if (written.isPresent()) {
                        break;
                    }
                    first = false;
                }
                if (written.isEmpty()) {
                    throw new BackupException("noIntactReplica", object.key());
                }
                if (!first) {
                    fallbacks.add(object.key());
                }
                objects.add(new BackupMedium.MediumObject(object.id(), object.key(), object.sha256(),
                        written.get().sizeBytes()));
            }
        }
        TreeSet<String> schools = documents.stream().map(ArchivedDocument::schoolId)
                .collect(Collectors.toCollection(TreeSet::new));
        TreeSet<String> years = documents.stream().map(ArchivedDocument::academicYear)
                .collect(Collectors.toCollection(TreeSet::new));
        TreeSet<String> periods = documents.stream().map(ArchivedDocument::periodId)
                .collect(Collectors.toCollection(TreeSet::new));
        Instant handedAt = request.handedToDirector() ? writtenAt : null;
        BackupMedium medium = new BackupMedium(request.mediumId(), request.type(), contents(documents),
                objects.size(), bag.payloadBytes(), request.writtenBy(), writtenAt, blankToNull(request.keptAt()),
                handedAt, List.of());

        Map<String, String> values = new LinkedHashMap<>();
        values.put("mediumId", medium.id());
        values.put("type", texts.phrase("type." + medium.type().code(), Map.of()));
        values.put("schools", String.join(", ", schools));
        values.put("years", String.join(", ", years));
        values.put("periods", String.join(", ", periods));
        values.put("documents", Integer.toString(documents.size()));
        values.put("files", Integer.toString(objects.size()));
        values.put("size", BagFiles.humanSize(bag.payloadBytes()));
        values.put("writtenAt", shown(writtenAt));
        values.put("writtenBy", medium.writtenBy());
        values.put("keptAt", medium.keptAt() != null ? medium.keptAt() : texts.phrase("kept.none", values));
        values.put("handedAt", handedAt == null ? "" : shown(handedAt));
        values.put("handed", texts.phrase(handedAt != null ? "handed.yes" : "handed.no", values));

        bag.addTagFile(BagFiles.REGISTRY_JSON, RegistryJson.of(medium, documents));
        bag.addTagFile(BagFiles.README, texts.readme(values).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Map<String, String> info = new LinkedHashMap<>();
        info.put("Source-Organization", String.join(", ", schools));
        info.put("Bagging-Date", writtenAt.atZone(clock.getZone()).toLocalDate().toString());
        info.put("External-Identifier", medium.id());
        info.put("External-Description", "Journal Archive backup medium " + medium.id() + " (" + medium.type().code()
                + "): " + medium.contents());
        info.put("Internal-Sender-Identifier", medium.id());
        info.put("Internal-Sender-Description", texts.phrase("bag-info.description", values));
        info.put("Bag-Group-Identifier", "journal-archive-backup");
        info.put("Bag-Count", "1 of 1");
        bag.finish(info);

        media.register(medium, objects);
        return new BagExport(media.get(medium.id()), bag.root(), documents.size(), List.copyOf(schools),
                List.copyOf(years), List.copyOf(fallbacks));
    }

    /** A short, language-neutral summary: school, year and periods with the number of documents. */
    private static String contents(List<ArchivedDocument> documents) {
        Map<String, Map<String, Integer>> bySchoolYear = new java.util.TreeMap<>();
        for (ArchivedDocument d : documents) {
            bySchoolYear.computeIfAbsent(d.schoolId() + " " + d.academicYear(), k -> new java.util.TreeMap<>())
                    .merge(d.periodId(), 1, Integer::sum);
        }
        return bySchoolYear.entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue().entrySet().stream()
                        .map(p -> p.getKey() + "×" + p.getValue()).collect(Collectors.joining(",")))
                .collect(Collectors.joining("; "));
    }

    private String shown(Instant instant) {
        ZoneId zone = clock.getZone();
        return SHOWN.format(instant.atZone(zone)) + " (" + zone.getId() + ")";
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
