package ru.journalarchive.registryjournal;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.ApplicationArguments;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import ru.journalarchive.storage.StorageLocation;
import ru.journalarchive.storage.StorageLocations;

/**
 * The start-up check that a registry is never silently replaced: once every bean exists (the schema migrated) and
 * before any command runs or {@code serve} serves, it compares the database's registry identity with every storage
 * location's. A new database beside locations of a registry, or a database and a location of different registries,
 * stop the start ({@link RegistryIdentityException}, Russian, exit code 6). A new registry gets its identity here and
 * writes it to every location; a location without one (new, or made before identities existed) is adopted.
 * {@code registry rebuild} and {@code --help} skip the check.
 */
@Component
class IdentityGuard implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(IdentityGuard.class);
    private static final List<String> HELP = List.of("-h", "--help", "-V", "--version", "help");

    private final RegistryIdentity identity;
    private final StorageLocations locations;
    private final ApplicationArguments arguments;
    private final Environment environment;

    IdentityGuard(RegistryIdentity identity, StorageLocations locations, ApplicationArguments arguments,
            Environment environment) {
        this.identity = identity;
        this.locations = locations;
        this.arguments = arguments;
        this.environment = environment;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (skipped()) {
            return;
        }
        check();
    }

    /** Whether this run is a rebuild, a help text or no command at all (the usage), which must work on any database. */
    private boolean skipped() {
        List<String> args = Arrays.stream(arguments.getSourceArgs())
                .filter(a -> !(a.startsWith("--archive.") || a.startsWith("--spring.") || a.startsWith("--logging.")))
                .toList();
        boolean cli = environment.getProperty("archive.cli.enabled", Boolean.class, true);
        if (args.size() >= 2 && args.get(0).equals("registry") && args.get(1).equals("rebuild")) {
            return true;
        }
        return args.stream().anyMatch(HELP::contains) || (cli && args.isEmpty());
    }

    /** The check itself; creates and distributes the identity of a new registry. */
    void check() {
        Optional<RegistryIdentity.Identity> database = identity.inDatabase();
        RegistryIdentity.Identity ours = database.orElse(null);
        for (StorageLocation location : locations.all()) {
            Optional<RegistryIdentity.Identity> there;
            try {
                there = RegistryIdentity.inLocation(location);
            } catch (RegistryIdentity.NotAnIdentityException e) {
                throw new RegistryIdentityException(JournalTexts.get("guard.damaged", location.name(),
                        location.description(), e.getMessage()), JournalTexts.get("guard.other.action", location.name()));
            } catch (IOException | RuntimeException e) {
                // An unreadable location must not stop the service: it is reported by verify and storage-report.
                log.warn("Registry identity of location '{}' could not be read: {}", location.name(), e.toString());
                continue;
            }
            if (there.isEmpty()) {
                continue;
            }
            String id = there.get().registryId().toString();
            if (ours == null) {
                boolean empty = identity.tablesWithRows().isEmpty();
                throw new RegistryIdentityException(
                        JournalTexts.get(empty ? "guard.empty" : "guard.unidentified", location.name(), id,
                                location.description()),
                        JournalTexts.get(empty ? "guard.empty.action" : "guard.other.action", location.name()));
            }
            if (!ours.registryId().equals(there.get().registryId())) {
                throw new RegistryIdentityException(
                        JournalTexts.get("guard.other", location.name(), id, location.description(),
                                ours.registryId().toString()),
                        JournalTexts.get("guard.other.action", location.name()));
            }
        }
        if (ours == null) {
            ours = identity.create();
            log.info("New registry {}", ours.registryId());
        }
        for (StorageLocation location : locations.all()) {
            try {
                if (!location.exists(JournalFormat.IDENTITY_KEY)) {
                    RegistryIdentity.writeTo(location, ours);
                }
            } catch (RuntimeException e) {
                log.warn("Registry identity not written to location '{}': {}", location.name(), e.toString());
            }
        }
    }
}
