package ru.journalarchive.papercopies;

import java.util.Arrays;
import java.util.Optional;

/** The steps of a paper copy, in the only order they may happen; a copy's state is the last one completed. */
public enum PaperStep {
    PRINTED("printed"),
    /** One signature per subject and teacher of the journal; the step is complete when every one has signed. */
    SUBJECT_SIGNED("subject-signed"),
    CLASS_TEACHER_CERTIFIED("class-teacher-certified"),
    DEPUTY_ACCEPTED("deputy-accepted"),
    DIRECTOR_SIGNED_SEALED("director-signed-sealed"),
    BOUND_NUMBERED("bound-numbered"),
    PLACED("placed"),
    TRANSFERRED_TO_ARCHIVE("transferred-to-archive"),
    /** Needs the document's tombstone (an executed destruction act); the act number comes from it. */
    DESTROYED("destroyed");

    private final String code;

    PaperStep(String code) {
        this.code = code;
    }

    /** The step's code in the registry and on the command line, e.g. {@code subject-signed}. */
    public String code() {
        return code;
    }

    /** The step before this one, empty for {@link #PRINTED}. */
    public Optional<PaperStep> previous() {
        return ordinal() == 0 ? Optional.empty() : Optional.of(values()[ordinal() - 1]);
    }

    /** The step after this one, empty for {@link #DESTROYED}. */
    public Optional<PaperStep> next() {
        return ordinal() == values().length - 1 ? Optional.empty() : Optional.of(values()[ordinal() + 1]);
    }

    /** The step of a code, if there is one. */
    public static Optional<PaperStep> of(String code) {
        return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst();
    }
}
