package ru.journalarchive.regulations;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

/**
 * The regulation profiles, loaded and checked once at start-up, and which one each school follows: its own binding
 * ({@code archive.regulations.schools.<schoolId>}) or the default ({@code archive.regulations.default}). A bad profile
 * or a binding to an unknown profile stops the service with a Russian message naming the file or property.
 */
@Component
public class Regulations {

    private static final Logger log = LoggerFactory.getLogger(Regulations.class);
    private static final Pattern SCHOOL_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private final Map<String, RegulationProfile> profiles;
    private final RegulationProfile defaultProfile;
    private final Map<String, RegulationProfile> bySchool;

    Regulations(RegulationsProperties properties, ResourceLoader resourceLoader) {
        this.profiles = Map.copyOf(new RegulationLoader(resourceLoader).load(properties.location()));
        this.defaultProfile = known(properties.defaultProfile(), "archive.regulations.default");
        this.bySchool = properties.schools().entrySet().stream()
                .peek(e -> checkSchoolId(e.getKey()))
                .collect(java.util.stream.Collectors.toUnmodifiableMap(Map.Entry::getKey,
                        e -> known(e.getValue(), "archive.regulations.schools." + e.getKey())));
        log.info("School regulations: {} profiles from {}; default {}; {} schools bound to their own", profiles.size(),
                properties.location(), defaultProfile.id(), bySchool.size());
    }

    /**
     * Loads and checks the profiles of a folder without Spring, every school on the default profile.
     *
     * @throws RegulationException naming the file and field at fault
     */
    public static Regulations load(String location, String defaultProfile, Map<String, String> schools) {
        return new Regulations(new RegulationsProperties(location, defaultProfile, schools),
                new DefaultResourceLoader());
    }

    /** The shipped profiles, every school on {@code seed-000-five-day} unless bound in {@code schools}. */
    public static Regulations shipped(Map<String, String> schools) {
        return load(RegulationsProperties.SHIPPED, RegulationsProperties.DEFAULT_PROFILE, schools);
    }

    /** The profile a school follows. */
    public RegulationProfile forSchool(String schoolId) {
        return bySchool.getOrDefault(schoolId, defaultProfile);
    }

    /**
     * A profile by id.
     *
     * @throws IllegalArgumentException naming the unknown profile and the known ones
     */
    public RegulationProfile get(String profileId) {
        RegulationProfile profile = profiles.get(profileId);
        if (profile == null) {
            throw new IllegalArgumentException(RegulationMessages.get("regulations.unknownProfile", profileId, "—",
                    String.join(", ", profiles.keySet().stream().sorted().toList())));
        }
        return profile;
    }

    /** Every profile, ordered by id. */
    public List<RegulationProfile> all() {
        return profiles.values().stream().sorted(java.util.Comparator.comparing(RegulationProfile::id)).toList();
    }

    /** The default profile. */
    public RegulationProfile defaultProfile() {
        return defaultProfile;
    }

    /** The schools bound to a profile of their own, by school id. */
    public Map<String, String> bindings() {
        return bySchool.entrySet().stream().collect(java.util.stream.Collectors.toUnmodifiableMap(Map.Entry::getKey,
                e -> e.getValue().id()));
    }

    private RegulationProfile known(String profileId, String property) {
        RegulationProfile profile = profiles.get(profileId);
        if (profile == null) {
            throw new RegulationException(property, property, RegulationMessages.get("regulations.unknownProfile",
                    profileId, property, String.join(", ", profiles.keySet().stream().sorted().toList())), null);
        }
        return profile;
    }

    private static void checkSchoolId(String schoolId) {
        if (!SCHOOL_ID.matcher(schoolId).matches()) {
            String property = "archive.regulations.schools." + schoolId;
            throw new RegulationException(property, property,
                    RegulationMessages.get("regulations.schoolId", property, schoolId), null);
        }
    }
}
