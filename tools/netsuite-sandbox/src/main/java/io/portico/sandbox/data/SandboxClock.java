package io.portico.sandbox.data;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * Time stamps for mutations. Generated history ends before "today" starts; mutations are stamped with the wall clock,
 * or with "today" plus elapsed time when the configured today lies in the future, so a change is always newer than
 * everything generated and incremental syncs see it.
 */
public final class SandboxClock {

  private final Instant start;
  private final long startNanos = System.nanoTime();
  private Instant last = Instant.EPOCH;

  public SandboxClock(LocalDate today, ZoneId zone) {
    Instant todayStart = today.atStartOfDay(zone).toInstant();
    Instant wall = Instant.now();
    this.start = wall.isAfter(todayStart) ? wall : todayStart;
  }

  /** Current time at second precision, never going backwards. */
  public synchronized Instant now() {
    Instant t = start.plusNanos(System.nanoTime() - startNanos).truncatedTo(ChronoUnit.SECONDS);
    if (t.isBefore(last)) {
      t = last;
    }
    last = t;
    return t;
  }
}
