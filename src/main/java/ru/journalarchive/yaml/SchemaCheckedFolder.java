package ru.journalarchive.yaml;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads every {@code *.yaml} (and {@code *.yml}) file of a folder, in name order, and checks each against a JSON
 * Schema (draft 2020-12); the first problem stops reading with a {@link Problem} that says which file, which field and
 * what kind of problem, for the caller to word in its users' language.
 */
public final class SchemaCheckedFolder {

    /** One file of the folder: its location (folder + name), its name and its tree, valid against the schema. */
    public record File(String location, String name, JsonNode tree) {
    }

    /** What went wrong. */
    public enum Kind {
        /** The folder could not be listed; {@code detail} says why. */
        FOLDER_UNREADABLE,
        /** The folder has no YAML file. */
        FOLDER_EMPTY,
        /** A file is not YAML; {@code detail} says why. */
        FILE_UNREADABLE,
        /** A file is empty. */
        FILE_EMPTY,
        /** The schema is missing or broken; {@code detail} says why. */
        SCHEMA_UNREADABLE,
        /** A file breaks the schema: {@code field} (a dotted path, {@code $} for the whole file) and the reason. */
        SCHEMA_VIOLATION
    }

    /**
     * A problem with the folder, a file or the schema.
     *
     * @param file   the folder, file or schema location at fault
     * @param field  the field at fault (schema violations), else null
     * @param detail the reason as the parser or validator gave it (in the requested locale for violations)
     */
    public static final class Problem extends RuntimeException {
        private final Kind kind;
        private final String file;
        private final String field;
        private final String detail;

        Problem(Kind kind, String file, String field, String detail, Throwable cause) {
            super(kind + " " + file + (field == null ? "" : " " + field) + (detail == null ? "" : ": " + detail), cause);
            this.kind = kind;
            this.file = file;
            this.field = field;
            this.detail = detail;
        }

        public Kind kind() {
            return kind;
        }

        public String file() {
            return file;
        }

        public String field() {
            return field;
        }

        public String detail() {
            return detail;
        }
    }

    private final ResourcePatternResolver resolver;
    private final YAMLMapper yaml = YAMLMapper.builder().build();

    public SchemaCheckedFolder(ResourceLoader resourceLoader) {
        this.resolver = new PathMatchingResourcePatternResolver(resourceLoader);
    }

    /**
     * The files of a folder, in name order, each valid against the schema.
     *
     * @param location a Spring resource location of the folder, e.g. {@code classpath:retention-policies/}
     * @param schema   a Spring resource location of the JSON Schema
     * @param locale   the language of the validator's reasons
     * @throws Problem for the first problem found
     */
    public List<File> read(String location, String schema, Locale locale) {
        String folder = location.endsWith("/") ? location : location + "/";
        Schema checker = schema(schema);
        List<File> files = new ArrayList<>();
        for (Resource resource : yamlFiles(folder)) {
            String file = folder + resource.getFilename();
            JsonNode tree = tree(resource, file);
            List<Error> errors = checker.validate(tree, context -> context.executionConfig(c -> c.locale(locale)));
            if (!errors.isEmpty()) {
                Error first = errors.get(0);
                throw new Problem(Kind.SCHEMA_VIOLATION, file, fieldOf(first), first.getMessage(), null);
            }
            files.add(new File(file, resource.getFilename(), tree));
        }
        return List.copyOf(files);
    }

    private List<Resource> yamlFiles(String folder) {
        List<Resource> files = new ArrayList<>();
        try {
            files.addAll(Arrays.asList(resolver.getResources(folder + "*.yaml")));
            files.addAll(Arrays.asList(resolver.getResources(folder + "*.yml")));
        } catch (IOException e) {
            throw new Problem(Kind.FOLDER_UNREADABLE, folder, null, e.getMessage(), e);
        }
        files.removeIf(resource -> !resource.exists());
        if (files.isEmpty()) {
            throw new Problem(Kind.FOLDER_EMPTY, folder, null, null, null);
        }
        files.sort(Comparator.comparing(resource -> Objects.requireNonNull(resource.getFilename())));
        return files;
    }

    private JsonNode tree(Resource resource, String file) {
        JsonNode node;
        try (InputStream in = resource.getInputStream()) {
            node = yaml.readTree(in);
        } catch (IOException | JacksonException e) {
            throw new Problem(Kind.FILE_UNREADABLE, file, null, e.getMessage(), e);
        }
        if (node == null || node.isMissingNode() || node.isNull()) {
            throw new Problem(Kind.FILE_EMPTY, file, null, null, null);
        }
        return node;
    }

    /**
     * The field an error is about, as a dotted path with list indexes ({@code paper.steps[1].day}): the missing
     * property for {@code required}; {@code $} for the whole file.
     */
    private static String fieldOf(Error error) {
        var path = error.getInstanceLocation();
        StringBuilder field = new StringBuilder();
        if (path != null) {
            for (int i = 0; i < path.getNameCount(); i++) {
                String step = path.getName(i);
                if (!step.isEmpty() && step.chars().allMatch(Character::isDigit)) {
                    field.append('[').append(step).append(']');
                } else {
                    field.append(field.length() == 0 ? "" : ".").append(step);
                }
            }
        }
        if (error.getProperty() != null && !error.getProperty().isEmpty()) {
            field.append(field.length() == 0 ? "" : ".").append(error.getProperty());
        }
        return field.length() == 0 ? "$" : field.toString();
    }

    private Schema schema(String location) {
        Resource resource = resolver.getResource(location);
        try (InputStream in = resource.getInputStream()) {
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
        } catch (IOException | RuntimeException e) {
            throw new Problem(Kind.SCHEMA_UNREADABLE, location, null, e.getMessage(), e);
        }
    }
}
