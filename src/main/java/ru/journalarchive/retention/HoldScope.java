package ru.journalarchive.retention;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * What a hold covers: one document, one class in one academic year, a school's academic year, or a whole school.
 */
public enum HoldScope {
    DOCUMENT("document"), CLASS("class"), ACADEMIC_YEAR("academic-year"), SCHOOL("school");

    private final String code;

    HoldScope(String code) {
        this.code = code;
    }

    /** The scope as stored and typed on the command line. */
    public String code() {
        return code;
    }

    /**
     * The scope of a code.
     *
     * @throws HoldException naming the field and the known scopes
     */
    public static HoldScope of(String code) {
        return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst()
                .orElseThrow(() -> new HoldException("scope", RetentionMessages.get("hold.scope.unknown", code,
                        Arrays.stream(values()).map(HoldScope::code).collect(Collectors.joining(", ")))));
    }
}
