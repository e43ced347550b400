package ru.journalarchive.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import org.springframework.stereotype.Component;

/**
 * Dates for people on the archivist's pages ({@code ${@archivistDates.date(x)}}): {@code dd.MM.yyyy} and
 * {@code dd.MM.yyyy HH:mm}, moments shown in the schools' time zone (Moscow); «—» for none.
 */
@Component("archivistDates")
class ArchivistDates {

    private static final ZoneId SCHOOL_ZONE = ZoneId.of("Europe/Moscow");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

    public String date(TemporalAccessor value) {
        return format(value, DATE);
    }

    public String time(TemporalAccessor value) {
        return format(value, TIME);
    }

    private static String format(TemporalAccessor value, DateTimeFormatter formatter) {
        if (value == null) {
            return "—";
        }
        if (value instanceof Instant instant) {
            return formatter.format(instant.atZone(SCHOOL_ZONE));
        }
        if (value instanceof LocalDate date && formatter == TIME) {
            return DATE.format(date);
        }
        return formatter.format(value);
    }
}
