package ru.journalarchive.storage;

/**
 * Thrown when a put would change an object that is already stored: archived objects are write-once, so a
 * correction must be stored as a new version under a new key.
 */
public class ObjectConflictException extends RuntimeException {

    private final String location;
    private final String key;
    private final String existingSha256;
    private final String newSha256;

    public ObjectConflictException(String location, String key, String existingSha256, String newSha256) {
        super("Location '%s' already holds key '%s' with SHA-256 %s; refusing to store different content with SHA-256 %s (objects are write-once; store a new version instead)"
                .formatted(location, key, existingSha256, newSha256));
        this.location = location;
        this.key = key;
        this.existingSha256 = existingSha256;
        this.newSha256 = newSha256;
    }

    public String location() {
        return location;
    }

    public String key() {
        return key;
    }

    public String existingSha256() {
        return existingSha256;
    }

    public String newSha256() {
        return newSha256;
    }
}
