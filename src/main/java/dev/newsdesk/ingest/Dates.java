package dev.newsdesk.ingest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/** Publication dates in the shapes sources write them; times without a zone are taken as UTC. */
public final class Dates {

    private static final List<DateTimeFormatter> LOCAL_DATE_TIMES = List.of(
            DateTimeFormatter.ISO_LOCAL_DATE_TIME,
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT),
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT));

    private Dates() {}

    /**
     * Parses an ISO date, date-time with or without offset, {@code yyyy-MM-dd HH:mm:ss} or an RFC 1123 date.
     *
     * @return the instant, or null for a blank value
     * @throws IllegalArgumentException when the value is none of these
     */
    public static Instant parse(String value) {
        if (value == null || value.isBlank() || value.startsWith("0000-00-00")) {
            return null;
        }
        String v = value.trim();
        // WordPress's own shape, by far the commonest in exports: parsed directly, without trying the others first
        if (v.length() == 19 && v.charAt(10) == ' ') {
            try {
                return LocalDateTime.parse(v, LOCAL_DATE_TIMES.get(1)).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException ignored) {
                // one of the other shapes after all
            }
        }
        try {
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException ignored) {
            // next shape
        }
        for (DateTimeFormatter f : LOCAL_DATE_TIMES) {
            try {
                return LocalDateTime.parse(v, f).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException ignored) {
                // next shape
            }
        }
        try {
            return LocalDate.parse(v).atStartOfDay().toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException ignored) {
            // next shape
        }
        try {
            return ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException ignored) {
            // none fits
        }
        try {
            return Instant.parse(v);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "'" + v + "' is not a date; use ISO 8601 such as 2024-05-01 or 2024-05-01T08:30:00Z");
        }
    }
}
