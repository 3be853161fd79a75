package io.portico.sandbox.suiteql;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;

/**
 * Value semantics during evaluation. Numbers are BigDecimal (Long from columns is widened), temporals LocalDateTime
 * in the account's time zone, text is String, booleans are 'T'/'F' text. Comparisons convert like Oracle: a string
 * against a number is read as a number, against a date in the account's date format.
 */
final class SqlValues {

  private SqlValues() {
  }

  /** Brings a column value into evaluation form. */
  static Object normalize(Object v, ZoneId zone) {
    if (v instanceof Long l) {
      return BigDecimal.valueOf(l);
    }
    if (v instanceof Integer i) {
      return BigDecimal.valueOf(i);
    }
    if (v instanceof LocalDate d) {
      return d.atStartOfDay();
    }
    if (v instanceof Instant i) {
      return LocalDateTime.ofInstant(i, zone);
    }
    return v;
  }

  /** Oracle-style comparison; null when either side is NULL (unknown). */
  static Integer compare(Object a, Object b) {
    if (a == null || b == null) {
      return null;
    }
    if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
      return x.compareTo(y);
    }
    if (a instanceof LocalDateTime x && b instanceof LocalDateTime y) {
      return x.compareTo(y);
    }
    if (a instanceof String x && b instanceof String y) {
      return x.compareTo(y);
    }
    if (a instanceof BigDecimal x && b instanceof String y) {
      return x.compareTo(toNumber(y));
    }
    if (a instanceof String x && b instanceof BigDecimal y) {
      return toNumber(x).compareTo(y);
    }
    if (a instanceof LocalDateTime x && b instanceof String y) {
      return x.compareTo(OracleFormats.parseAccountDate(y));
    }
    if (a instanceof String x && b instanceof LocalDateTime y) {
      return OracleFormats.parseAccountDate(x).compareTo(y);
    }
    throw SuiteQlException.invalid("Cannot compare " + describe(a) + " with " + describe(b) + ".");
  }

  static BigDecimal toNumber(Object v) {
    if (v == null) {
      return null;
    }
    if (v instanceof BigDecimal d) {
      return d;
    }
    try {
      return new BigDecimal(v.toString().trim());
    } catch (NumberFormatException e) {
      throw SuiteQlException.invalid("Invalid number: '" + v + "'.");
    }
  }

  /** SuiteQL's string form of a value: numbers without trailing zeros, dates as M/D/YYYY (no time). */
  static String format(Object v) {
    if (v == null) {
      return null;
    }
    if (v instanceof BigDecimal d) {
      return number(d);
    }
    if (v instanceof LocalDateTime t) {
      return accountDate(t.getYear(), t.getMonthValue(), t.getDayOfMonth());
    }
    return v.toString();
  }

  /**
   * A value as a column getter returns it, as a cell of {@link QueryResult}: its string form is
   * {@code format(normalize(v, zone))}, but numbers and dates stay numbers ({@link Long}, {@link BigDecimal}) and
   * dates ({@link LocalDate}), which the answer writes as digits without building strings.
   */
  static Object cell(Object v, ZoneId zone) {
    if (v == null || v instanceof String || v instanceof Long || v instanceof BigDecimal || v instanceof LocalDate) {
      return v;
    }
    if (v instanceof Integer i) {
      return (long) i;
    }
    if (v instanceof Instant i) {
      return LocalDate.ofInstant(i, zone);
    }
    return format(normalize(v, zone));
  }

  /** A date in the account format M/d/uuuu. */
  static String accountDate(LocalDate d) {
    return accountDate(d.getYear(), d.getMonthValue(), d.getDayOfMonth());
  }

  /** A number without trailing zeros in the fraction, never in exponent form (what stripTrailingZeros gives). */
  private static String number(BigDecimal d) {
    if (d.signum() == 0) {
      return "0";
    }
    String plain = d.toPlainString();
    if (d.scale() <= 0) {
      return plain;
    }
    int end = plain.length();
    while (plain.charAt(end - 1) == '0') {
      end--;
    }
    if (plain.charAt(end - 1) == '.') {
      end--;
    }
    return end == plain.length() ? plain : plain.substring(0, end);
  }

  /** The account date format M/d/uuuu, written directly for four-digit years. */
  private static String accountDate(int year, int month, int day) {
    if (year < 1000 || year > 9999) {
      return OracleFormats.ACCOUNT_DATE.format(LocalDate.of(year, month, day));
    }
    StringBuilder b = new StringBuilder(10);
    return b.append(month).append('/').append(day).append('/').append(year).toString();
  }

  private static String describe(Object v) {
    return v instanceof BigDecimal ? "a number" : v instanceof LocalDateTime ? "a date" : "text";
  }
}
