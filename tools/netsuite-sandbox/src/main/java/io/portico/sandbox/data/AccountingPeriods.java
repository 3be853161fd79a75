package io.portico.sandbox.data;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/** Monthly posting periods ("Jan 2026"); the id is the month count since January 2015, so no table is needed. */
public final class AccountingPeriods {

  private static final YearMonth FIRST = YearMonth.of(2015, 1);
  private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("MMM yyyy", Locale.US);

  private AccountingPeriods() {
  }

  public static long idOf(LocalDate date) {
    return 1 + ChronoUnit.MONTHS.between(FIRST, YearMonth.from(date));
  }

  public static String nameOf(long id) {
    return FIRST.plusMonths(id - 1).format(NAME);
  }
}
