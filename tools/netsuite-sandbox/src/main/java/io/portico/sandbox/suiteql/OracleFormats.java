package io.portico.sandbox.suiteql;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.Locale;
import java.util.Map;

/** Oracle date format models ({@code 'YYYY-MM-DD HH24:MI:SS'}) for TO_DATE, TO_TIMESTAMP and TO_CHAR. */
final class OracleFormats {

  /** The account's date preference, used for raw date output and for bare date strings in comparisons. */
  static final DateTimeFormatter ACCOUNT_DATE = DateTimeFormatter.ofPattern("M/d/uuuu", Locale.US);

  private static final String[][] TOKENS = {
      {"YYYY", "uuuu"}, {"HH24", "HH"}, {"HH12", "hh"}, {"MONTH", "MMMM"}, {"MON", "MMM"}, {"FF9", "SSSSSSSSS"},
      {"FF6", "SSSSSS"}, {"FF3", "SSS"}, {"FF2", "SS"}, {"FF1", "S"}, {"FF", "SSSSSS"}, {"YY", "uu"}, {"MM", "MM"},
      {"DD", "dd"}, {"HH", "hh"}, {"MI", "mm"}, {"SS", "ss"}, {"AM", "a"}, {"PM", "a"}, {"DAY", "EEEE"},
      {"DY", "EEE"}};
  private static final Map<Character, Boolean> LITERALS = Map.of('-', true, '/', true, ':', true, ' ', true,
      '.', true, ',', true);

  private OracleFormats() {
  }

  static LocalDateTime parse(String value, String format) {
    DateTimeFormatter f = new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(translate(format))
        .parseDefaulting(ChronoField.HOUR_OF_DAY, 0).parseDefaulting(ChronoField.MINUTE_OF_HOUR, 0)
        .parseDefaulting(ChronoField.SECOND_OF_MINUTE, 0).toFormatter(Locale.US);
    try {
      return LocalDateTime.parse(value.trim(), f);
    } catch (DateTimeParseException e) {
      throw SuiteQlException.invalid("The value '" + value + "' does not match the date format '" + format + "'.");
    }
  }

  static String format(LocalDateTime value, String format) {
    String out = DateTimeFormatter.ofPattern(translate(format), Locale.US).format(value);
    return format.contains("MON") || format.contains("DY") || format.contains("DAY") ? out.toUpperCase(Locale.US)
        : out;
  }

  /** Dates written in the account's format ({@code 1/15/2026}), optionally with a time. */
  static LocalDateTime parseAccountDate(String value) {
    String v = value.trim();
    for (String pattern : new String[] {"M/d/uuuu", "M/d/uuuu h:mm a", "M/d/uuuu h:mm:ss a", "M/d/uuuu H:mm",
        "M/d/uuuu H:mm:ss"}) {
      try {
        DateTimeFormatter f = new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(pattern)
            .parseDefaulting(ChronoField.HOUR_OF_DAY, 0).toFormatter(Locale.US);
        return LocalDateTime.parse(v, f);
      } catch (DateTimeParseException ignored) {
        // try the next accepted shape
      }
    }
    throw SuiteQlException.invalid("The value '" + value + "' is not a valid date in the format M/D/YYYY.");
  }

  private static String translate(String format) {
    StringBuilder out = new StringBuilder();
    String upper = format.toUpperCase(Locale.ROOT);
    int i = 0;
    while (i < upper.length()) {
      String token = null;
      String pattern = null;
      for (String[] t : TOKENS) {
        if (upper.startsWith(t[0], i)) {
          token = t[0];
          pattern = t[1];
          break;
        }
      }
      if (token != null) {
        out.append(pattern);
        i += token.length();
      } else if (upper.charAt(i) == '"') {
        int end = upper.indexOf('"', i + 1);
        if (end < 0) {
          throw SuiteQlException.invalid("Unterminated literal in date format '" + format + "'.");
        }
        out.append('\'').append(format, i + 1, end).append('\'');
        i = end + 1;
      } else if (LITERALS.containsKey(upper.charAt(i))) {
        out.append(upper.charAt(i) == '.' || upper.charAt(i) == ',' ? "'" + upper.charAt(i) + "'" : upper.charAt(i));
        i++;
      } else if (upper.charAt(i) == 'T') {
        out.append("'T'");
        i++;
      } else {
        throw SuiteQlException.invalid("Unsupported element in date format '" + format + "'.");
      }
    }
    return out.toString();
  }
}
