package ru.journalarchive.backup;

import java.util.Arrays;
import java.util.Locale;

/** The kinds of backup media the school regulations name: optical discs, hard disks and USB drives. */
public enum MediumType {
    OPTICAL, HDD, USB;

    /** The lower-case code stored in the registry and typed on the command line, e.g. {@code optical}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The type of a code, case-insensitively.
     *
     * @throws BackupException {@code backup.error.type} if the code is not a known type
     */
    public static MediumType of(String code) {
        return Arrays.stream(values()).filter(t -> t.code().equalsIgnoreCase(code == null ? "" : code.strip()))
                .findFirst().orElseThrow(() -> new BackupException("type", code));
    }
}
