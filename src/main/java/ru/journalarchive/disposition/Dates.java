package ru.journalarchive.disposition;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/** Dates as printed in acts and shown to staff: {@code dd.MM.yyyy}. */
final class Dates {

    static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    private Dates() {
    }

    static String shown(LocalDate date) {
        return date == null ? "—" : SHOWN.format(date);
    }
}
