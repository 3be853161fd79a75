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
      return d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
    }
    if (v instanceof LocalDateTime t) {
      return OracleFormats.ACCOUNT_DATE.format(t);
    }
    return v.toString();
  }

  private static String describe(Object v) {
    return v instanceof BigDecimal ? "a number" : v instanceof LocalDateTime ? "a date" : "text";
  }
}
