package ru.journalarchive.storage;

/**
 * Why a storage location cannot be used now: found when the location opens and whenever it is checked again
 * ({@link StorageLocation#check()}). A faulty location never stops a command from starting; the commands that need
 * it report it (in Russian, by {@link Kind}) and carry on with the other locations.
 *
 * @param location the location's name
 * @param kind     what is wrong
 * @param where    the folder or URL concerned
 * @param detail   the system's own words (an I/O error, the store's answer), for IT; may be empty
 */
public record StorageFault(String location, Kind kind, String where, String detail) {

    /** What is wrong with a location. */
    public enum Kind {
        /** The configured path (or a folder of it) exists but is not a folder. */
        NOT_A_DIRECTORY,
        /** Its folders cannot be created. */
        CANNOT_CREATE,
        /** Its objects cannot be listed or read. */
        UNREADABLE,
        /** Nothing can be written to it. */
        UNWRITABLE,
        /** The store does not answer (S3). */
        UNREACHABLE,
        /** The store answers but refuses (S3: credentials, bucket). */
        REFUSED
    }

    /** A one-line English description for logs. */
    @Override
    public String toString() {
        return "storage location '%s' is faulty (%s) at %s: %s".formatted(location, kind, where, detail);
    }
}
