package io.portico.sandbox.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * A date in a {@code q} filter. Accepted: the account's date format {@code M/d/yyyy} with an optional
 * {@code h:mm[:ss] a} time, the same with a two-digit year, and ISO-8601 date-times with an offset. Anything else
 * is rejected as NetSuite does, with "Unparseable date".
 */
record DateValue(LocalDateTime local, Instant instant, boolean dateOnly) {

  private static final String[] ACCOUNT_PATTERNS = {"M/d/uuuu h:mm:ss a", "M/d/uuuu h:mm a", "M/d/uu h:mm:ss a",
      "M/d/uu h:mm a", "M/d/uuuu H:mm:ss", "M/d/uuuu H:mm"};

  static DateValue parse(String text, ZoneId zone) {
    String t = text.trim();
    if (t.contains("T") && (t.endsWith("Z") || t.matches(".*[+-]\\d\\d:?\\d\\d$"))) {
      try {
        return new DateValue(null, OffsetDateTime.parse(t).toInstant(), false);
      } catch (DateTimeParseException ignored) {
        // fall through to the error below
      }
    }
    for (String pattern : new String[] {"M/d/uuuu", "M/d/uu"}) {
      try {
        LocalDate d = LocalDate.parse(t, formatter(pattern));
        return new DateValue(d.atStartOfDay(), null, true);
      } catch (DateTimeParseException ignored) {
        // try the next accepted shape
      }
    }
    for (String pattern : ACCOUNT_PATTERNS) {
      try {
        return new DateValue(LocalDateTime.parse(t, formatter(pattern)), null, false);
      } catch (DateTimeParseException ignored) {
        // try the next accepted shape
      }
    }
    throw RecordQuery.invalid("Unparseable date: \"" + text + "\". Use the date format M/D/YYYY (optionally with a"
        + " time such as 3:04 PM) or an ISO-8601 date-time with a time zone.");
  }

  Instant start(ZoneId zone) {
    return instant != null ? instant : local.atZone(zone).toInstant();
  }

  Instant dayStart(ZoneId zone) {
    return day(zone).atStartOfDay(zone).toInstant();
  }

  /** End (exclusive) of the day the value falls on, in the account's time zone. */
  Instant dayEnd(ZoneId zone) {
    return day(zone).plusDays(1).atStartOfDay(zone).toInstant();
  }

  LocalDate day(ZoneId zone) {
    return instant != null ? LocalDate.ofInstant(instant, zone) : local.toLocalDate();
  }

  private static DateTimeFormatter formatter(String pattern) {
    return new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(pattern).toFormatter(Locale.US);
  }
}
