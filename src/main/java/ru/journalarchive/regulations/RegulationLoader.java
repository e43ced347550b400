package ru.journalarchive.regulations;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.core.io.ResourceLoader;
import ru.journalarchive.yaml.SchemaCheckedFolder;

/**
 * Reads every profile of a folder, checked against the shipped
 * {@code school-regulations/school-regulation.schema.json} ({@link SchemaCheckedFolder}) and then against the rules a
 * schema cannot say ({@link ProfileRules}); the first bad file stops loading with a Russian message naming the file,
 * the field and the reason.
 */
final class RegulationLoader {

    static final String SCHEMA = "classpath:school-regulations/school-regulation.schema.json";

    private final SchemaCheckedFolder folder;

    RegulationLoader(ResourceLoader resourceLoader) {
        this.folder = new SchemaCheckedFolder(resourceLoader);
    }

    /** The profiles of the folder, keyed and ordered by id. */
    Map<String, RegulationProfile> load(String location) {
        Map<String, RegulationProfile> profiles = new LinkedHashMap<>();
        Map<String, String> origins = new LinkedHashMap<>();
        for (SchemaCheckedFolder.File file : files(location)) {
            String id = file.tree().get("id").asString();
            if (!(id + ".yaml").equals(file.name()) && !(id + ".yml").equals(file.name())) {
                throw new RegulationException(file.location(), "id",
                        RegulationMessages.get("regulations.file.name", file.location(), id), null);
            }
            RegulationProfile profile;
            try {
                profile = ProfileRules.toProfile(file.tree());
            } catch (ProfileRules.Violation v) {
                throw new RegulationException(file.location(), v.field(),
                        RegulationMessages.get("regulations.file.field", file.location(), v.field(), v.getMessage()),
                        null);
            }
            String earlier = origins.putIfAbsent(profile.id(), file.location());
            if (earlier != null) {
                throw new RegulationException(file.location(), "id",
                        RegulationMessages.get("regulations.duplicate", profile.id(), earlier, file.location()), null);
            }
            profiles.put(profile.id(), profile);
        }
        return profiles;
    }

    private java.util.List<SchemaCheckedFolder.File> files(String location) {
        try {
            return folder.read(location, SCHEMA, RegulationMessages.RUSSIAN);
        } catch (SchemaCheckedFolder.Problem p) {
            String message = switch (p.kind()) {
                case FOLDER_UNREADABLE -> RegulationMessages.get("regulations.location.unreadable", p.file(), p.detail());
                case FOLDER_EMPTY -> RegulationMessages.get("regulations.location.empty", p.file());
                case FILE_UNREADABLE -> RegulationMessages.get("regulations.file.unreadable", p.file(), p.detail());
                case FILE_EMPTY -> RegulationMessages.get("regulations.file.empty", p.file());
                case SCHEMA_UNREADABLE -> RegulationMessages.get("regulations.schema.unreadable", p.file(), p.detail());
                case SCHEMA_VIOLATION -> RegulationMessages.get("regulations.file.field", p.file(), p.field(),
                        p.detail());
            };
            throw new RegulationException(p.file(), p.field(), message, p);
        }
    }
}
