package ru.journalarchive.cli;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/**
 * Parses what staff type into the paper-copy commands; bad input becomes a {@link Refused} naming the option and the
 * reason in Russian ({@code paper.input.*} in {@code i18n/cli-papercopies.properties}).
 */
final class PaperInput {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");
    private static final DateTimeFormatter SHOWN_DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    private PaperInput() {
    }

    /** Bad input: the message key and its values. */
    static final class Refused extends RuntimeException {

        private final String key;
        private final transient Object[] args;

        Refused(String key, Object... args) {
            super(key, null, false, false);
            this.key = key;
            this.args = args;
        }

        String key() {
            return key;
        }

        Object[] args() {
            return args.clone();
        }
    }

    static String required(String option, String value) {
        if (value == null || value.isBlank()) {
            throw new Refused("paper.input.required", option);
        }
        return value.strip();
    }

    static UUID uuid(String option, String value) {
        try {
            return UUID.fromString(required(option, value));
        } catch (IllegalArgumentException e) {
            throw new Refused("paper.input.uuid", option, value);
        }
    }

    static Integer positive(String option, String value) {
        if (value == null) {
            return null;
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n > 0 && n <= 100_000) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new Refused("paper.input.positive", option, value);
    }

    static LocalDate date(String option, String value, LocalDate absent) {
        if (value == null) {
            return absent;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new Refused("paper.input.date", option, value);
        }
    }

    /** {@code 2025-01-02} (that day) or {@code 2025-01-02T14:30}, in the machine's time zone; null: now. Never later than now. */
    static Instant moment(String option, String value, Instant now) {
        if (value == null) {
            return null;
        }
        Instant at;
        try {
            String v = value.strip();
            at = v.contains("T") ? LocalDateTime.parse(v).atZone(ZoneId.systemDefault()).toInstant()
                    : LocalDate.parse(v).atStartOfDay(ZoneId.systemDefault()).toInstant();
        } catch (DateTimeParseException e) {
            throw new Refused("paper.input.moment", option, value);
        }
        if (at.isAfter(now)) {
            throw new Refused("paper.input.future", option, value);
        }
        return at;
    }

    static String academicYear(String option, String value) {
        if (value == null) {
            return null;
        }
        String v = value.strip();
        if (!v.matches("\\d{4}/\\d{4}") || Integer.parseInt(v.substring(5)) != Integer.parseInt(v.substring(0, 4)) + 1) {
            throw new Refused("paper.input.year", option, value);
        }
        return v;
    }

    static String period(String option, String value) {
        String v = required(option, value);
        if (!v.matches("Q[1-4]|H[12]")) {
            throw new Refused("paper.input.period", option, value);
        }
        return v;
    }

    /** A moment as staff read it: local date and time, or a dash. */
    static String shown(Instant instant) {
        return instant == null ? "—" : SHOWN.format(instant.atZone(ZoneId.systemDefault()));
    }

    static String shown(LocalDate date) {
        return date == null ? "—" : SHOWN_DATE.format(date);
    }
}
