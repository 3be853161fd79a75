package io.portico.sandbox.suiteql;

import io.portico.sandbox.data.DateWindow;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What the WHERE clause tells a table scan up front: a key range or key set, the transaction types wanted, for
 * transaction lines whether main or item lines are wanted, and a date window on activity (created/modified) or
 * document (transaction/due) dates. Key range, key set, types and lines are exact (scans yield exactly the rows they
 * admit); the date window is only a hint to skip generated rows that cannot match (such rows are still checked
 * against the WHERE clause).
 */
record KeyConstraint(long low, long high, TreeSet<Long> keys, Set<String> types, DateWindow dates,
                     boolean activityDates, Set<String> mainline) {

  static final KeyConstraint ALL = new KeyConstraint(Long.MIN_VALUE, Long.MAX_VALUE, null, null, null, false, null);

  /** The same constraint from {@code newLow} on (never widening it). */
  KeyConstraint from(long newLow) {
    return new KeyConstraint(Math.max(low, newLow), high, keys, types, dates, activityDates, mainline);
  }

  /** For transaction lines: whether main lines ('T') or item lines ('F') are wanted; null = both. */
  boolean admitsLines(boolean main) {
    return mainline == null || mainline.contains(main ? "T" : "F");
  }

  boolean admits(long key) {
    return key >= low && key <= high && (keys == null || keys.contains(key));
  }

  boolean admitsType(String code) {
    return types == null || types.contains(code);
  }

  /** First key worth looking at. */
  long start() {
    return keys == null ? low : keys.isEmpty() ? Long.MAX_VALUE : Math.max(low, keys.first());
  }

  long end() {
    return keys == null ? high : keys.isEmpty() ? Long.MIN_VALUE : Math.min(high, keys.last());
  }

  /** The key set within [low, high]; only when {@link #keys} is set. */
  SortedSet<Long> keysInRange() {
    return low > high ? new TreeSet<>() : keys.subSet(low, true, high, true);
  }

  boolean hasDateWindow() {
    return dates != null;
  }
}
