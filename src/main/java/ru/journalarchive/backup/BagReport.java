package ru.journalarchive.backup;

import java.util.List;

/**
 * The outcome of checking a bag: its medium id, how much payload it holds, and every problem found (an empty list
 * means the bag is valid and, when compared, agrees with the registry).
 *
 * @param mediumId     the bag's External-Identifier (the medium id), or null if it has none
 * @param payloadFiles files listed in the payload manifest
 * @param payloadBytes bytes of the payload files found
 * @param problems     each problem, in the order found
 */
public record BagReport(String mediumId, int payloadFiles, long payloadBytes, List<Problem> problems) {

    /** Whether nothing is wrong. */
    public boolean clean() {
        return problems.isEmpty();
    }

    /**
     * One problem.
     *
     * @param kind     what is wrong
     * @param path     the bag-relative path it concerns (e.g. {@code data/sosh-7/…/class-journal.pdf}), or the tag
     *                 file
     * @param expected the expected value (a hash, an Oxum) or null
     * @param actual   the value found or null
     */
    public record Problem(Kind kind, String path, String expected, String actual) {
    }

    /** The kinds of problems; each has a Russian text {@code backup.verify.problem.<KIND>} in the CLI bundle. */
    public enum Kind {
        /** {@code bagit.txt} is missing or does not declare BagIt with UTF-8 tag files. */
        NOT_A_BAG,
        /** {@code manifest-sha256.txt} is missing. */
        MANIFEST_MISSING,
        /** A manifest line cannot be read or names a path outside the bag's {@code data/}. */
        MANIFEST_LINE_INVALID,
        /** A file listed in the payload manifest is not in the bag. */
        PAYLOAD_MISSING,
        /** A payload file's SHA-256 differs from the manifest. */
        PAYLOAD_DIFFERS,
        /** A file in {@code data/} is not listed in the payload manifest. */
        PAYLOAD_EXTRA,
        /** bag-info's Payload-Oxum (octets.files) differs from the payload found. */
        OXUM_DIFFERS,
        /** A tag file listed in the tag manifest is missing. */
        TAG_FILE_MISSING,
        /** A tag file's SHA-256 differs from the tag manifest. */
        TAG_FILE_DIFFERS,
        /** {@code tagmanifest-sha256.txt} is missing. */
        TAG_MANIFEST_MISSING,
        /** The bag's medium is not in the media register. */
        MEDIUM_UNKNOWN,
        /** A payload object's hash differs from the registry's hash of that object. */
        REGISTRY_DIFFERS,
        /** The registry lists the object on this medium, but the bag lacks it. */
        REGISTRY_OBJECT_MISSING,
        /** A payload file is not an object the registry knows. */
        NOT_IN_REGISTRY,
        /**
         * A payload file is an object of a document destroyed by an executed destruction act ({@code expected}: the
         * act's number, {@code actual}: when it was destroyed): the medium is to be destroyed physically.
         */
        DESTROYED
    }
}
