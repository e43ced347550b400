package ru.journalarchive.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Formats moments for the IT pages ({@code ${@itTime.format(x)}}): {@code dd.MM.yyyy HH:mm:ss} in the server's zone,
 * «—» for none; sizes in megabytes.
 */
@Component("itTime")
class ItTime {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm:ss");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    /** An {@link Instant}, {@link LocalDateTime} or {@link LocalDate}; «—» for null. */
    public String format(Object moment) {
        if (moment instanceof Instant i) {
            return TIME.format(i.atZone(ZoneId.systemDefault()));
        }
        if (moment instanceof LocalDateTime t) {
            return TIME.format(t);
        }
        if (moment instanceof LocalDate d) {
            return DAY.format(d);
        }
        return "—";
    }

    /** Bytes as megabytes with one decimal. */
    public String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f", bytes / 1e6);
    }
}
