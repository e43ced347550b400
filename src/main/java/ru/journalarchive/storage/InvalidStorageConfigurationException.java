package ru.journalarchive.storage;

/** Thrown at start-up when {@code archive.storage.*} is wrong; the message starts with the offending property. */
public class InvalidStorageConfigurationException extends IllegalStateException {

    private final String property;

    public InvalidStorageConfigurationException(String property, String problem) {
        super("Invalid storage configuration: %s: %s".formatted(property, problem));
        this.property = property;
    }

    /** The property at fault, e.g. {@code archive.storage.locations[1].path}. */
    public String property() {
        return property;
    }
}
