package io.portico.netsuite;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import java.util.Objects;

/**
 * How the account writes dates: SuiteQL returns date and datetime columns as text in the user's date-format
 * preference (e.g. {@code 5/11/2020}, sometimes followed by a time) and in the account's time zone. Values selected
 * through {@code TO_CHAR(..., 'YYYY-MM-DD HH24:MI:SS')} or ISO-8601 text are understood too.
 */
public final class AccountFormat {

    /** NetSuite's US default, as seen in SuiteQL answers ({@code "trandate":"5/11/2020"}). */
    public static final String DEFAULT_DATE_PATTERN = "M/d/yyyy";

    private static final DateTimeFormatter ISO_LOCAL_DATE_TIME = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .appendLiteral(' ').optionalStart().appendLiteral('T').optionalEnd()
            .append(DateTimeFormatter.ISO_LOCAL_TIME)
            .toFormatter(Locale.ROOT);

    private final String datePattern;
    private final ZoneId timeZone;
    private final DateTimeFormatter accountDate;
    private final DateTimeFormatter accountDateTime;

    private AccountFormat(String datePattern, ZoneId timeZone) {
        this.datePattern = datePattern;
        this.timeZone = timeZone;
        this.accountDate = strict(new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(datePattern));
        this.accountDateTime = strict(new DateTimeFormatterBuilder()
                .parseCaseInsensitive()
                .appendPattern(datePattern)
                .optionalStart().appendLiteral(' ').appendPattern("h:mm[:ss] a").optionalEnd()
                .optionalStart().appendLiteral(' ').appendPattern("H:mm[:ss]").optionalEnd());
    }

    /** STRICT rejects 2/30/2020 instead of moving it to 2/29; it needs the era that "yyyy" leaves open. */
    private static DateTimeFormatter strict(DateTimeFormatterBuilder builder) {
        return builder.parseDefaulting(ChronoField.ERA, 1)
                .toFormatter(Locale.US)
                .withResolverStyle(ResolverStyle.STRICT);
    }

    /**
     * @param datePattern the account's date format as a {@link DateTimeFormatter} pattern, e.g. {@code M/d/yyyy},
     *                    {@code d.M.yyyy} or {@code d-MMM-yyyy}
     * @param timeZone the account's time zone, in which date-only and local date-time values are read
     * @throws IllegalArgumentException when the pattern is not a valid date pattern
     */
    public static AccountFormat of(String datePattern, ZoneId timeZone) {
        Objects.requireNonNull(timeZone, "timeZone");
        if (datePattern == null || datePattern.isBlank()) {
            throw new IllegalArgumentException("date pattern is empty");
        }
        return new AccountFormat(datePattern.trim(), timeZone);
    }

    public String datePattern() {
        return datePattern;
    }

    public ZoneId timeZone() {
        return timeZone;
    }

    /** A date in the account format or ISO {@code yyyy-MM-dd}; a time part is not allowed. */
    LocalDate parseDate(String text) {
        try {
            return LocalDate.parse(text, accountDate);
        } catch (DateTimeParseException notAccountFormat) {
            return LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE);
        }
    }

    /**
     * A point in time: ISO-8601 with an offset as given; otherwise local text (the account format with an optional
     * time, or ISO {@code yyyy-MM-dd[ HH:mm:ss]}) read in the account's time zone, a bare date as its midnight.
     */
    OffsetDateTime parseDateTime(String text) {
        try {
            return OffsetDateTime.parse(text);
        } catch (DateTimeParseException notOffsetDateTime) {
            return atAccountZone(parseLocal(text));
        }
    }

    private LocalDateTime parseLocal(String text) {
        try {
            return toLocalDateTime(accountDateTime.parseBest(text, LocalDateTime::from, LocalDate::from));
        } catch (DateTimeParseException notAccountFormat) {
            try {
                return LocalDateTime.parse(text, ISO_LOCAL_DATE_TIME);
            } catch (DateTimeParseException notIsoDateTime) {
                return LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE).atStartOfDay();
            }
        }
    }

    private static LocalDateTime toLocalDateTime(TemporalAccessor parsed) {
        return parsed instanceof LocalDate date ? date.atStartOfDay() : (LocalDateTime) parsed;
    }

    private OffsetDateTime atAccountZone(LocalDateTime local) {
        return local.atZone(timeZone).toOffsetDateTime();
    }

    @Override
    public String toString() {
        return "AccountFormat[" + datePattern + ", " + timeZone + "]";
    }
}
