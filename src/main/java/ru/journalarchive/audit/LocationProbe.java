package ru.journalarchive.audit;

import org.springframework.stereotype.Component;
import ru.journalarchive.storage.StorageLocation;
import ru.journalarchive.storage.StorageLocations;

/**
 * Tells whether a configured storage location answers now: it is asked whether it holds the object verified longest
 * ago there (any answer means it is reachable; an error means it is not).
 */
@Component
public class LocationProbe {

    private final StorageLocations locations;

    LocationProbe(StorageLocations locations) {
        this.locations = locations;
    }

    /** Whether the location answers; false for a location that is not configured. */
    public boolean reachable(LocationReport report) {
        StorageLocation location = locations.all().stream().filter(l -> l.name().equals(report.location()))
                .findFirst().orElse(null);
        if (location == null) {
            return false;
        }
        try {
            location.exists(report.oldestKey() != null ? report.oldestKey() : "probe/reachable.txt");
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
