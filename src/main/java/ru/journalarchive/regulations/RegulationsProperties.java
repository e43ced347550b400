package ru.journalarchive.regulations;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.bind.Name;

/**
 * Which regulation profile each school follows ({@code archive.regulations.*}).
 *
 * @param location       a Spring resource location of the folder of profiles: the shipped
 *                       {@code classpath:school-regulations/}, or e.g. {@code file:./school-regulations/} so that a
 *                       school edits its profile without rebuilding
 * @param defaultProfile {@code archive.regulations.default}: the profile of every school not bound otherwise
 * @param schools        {@code archive.regulations.schools.<schoolId>=<profile>}: per-school bindings
 */
@ConfigurationProperties("archive.regulations")
public record RegulationsProperties(@DefaultValue(RegulationsProperties.SHIPPED) String location,
        @Name("default") @DefaultValue(RegulationsProperties.DEFAULT_PROFILE) String defaultProfile,
        Map<String, String> schools) {

    static final String SHIPPED = "classpath:school-regulations/";
    static final String DEFAULT_PROFILE = "seed-000-five-day";

    public RegulationsProperties {
        schools = schools == null ? Map.of() : Map.copyOf(schools);
    }
}
