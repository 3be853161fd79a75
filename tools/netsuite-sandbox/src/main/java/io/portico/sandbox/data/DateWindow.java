package io.portico.sandbox.data;

import java.time.LocalDate;

/**
 * A range of days (either end may be null = open) in the account's time zone. {@code activity} windows bound when
 * records were created or changed (createdDate, lastModifiedDate); document windows bound their business dates
 * (transaction and due dates). Generated slots know both, so scans can skip slots outside a window.
 */
public record DateWindow(LocalDate first, LocalDate last) {

  boolean overlaps(DateWindow other) {
    return (other.first() == null || !last.isBefore(other.first()))
        && (other.last() == null || !first.isAfter(other.last()));
  }

  /** The window widened by a day on each side, to absorb time-zone conversions of date-time bounds. */
  public DateWindow widened() {
    return new DateWindow(first == null ? null : first.minusDays(1), last == null ? null : last.plusDays(1));
  }
}
