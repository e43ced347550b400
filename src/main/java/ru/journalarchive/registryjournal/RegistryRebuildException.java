package ru.journalarchive.registryjournal;

/** A rebuild refused before anything was written; the message (Russian) says why and where. */
public class RegistryRebuildException extends RuntimeException {

    RegistryRebuildException(String message) {
        super(message);
    }
}
