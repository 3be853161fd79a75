package io.portico.sandbox.suiteql;

import io.portico.sandbox.data.DateWindow;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the WHERE clause tells a table scan up front: a key range or key set, the transaction types wanted, and a
 * date window on activity (created/modified) or document (transaction/due) dates. Key range, key set and types are
 * exact; the date window is only a hint to skip generated rows that cannot match (every row is still checked
 * against the full WHERE clause).
 */
record KeyConstraint(long low, long high, TreeSet<Long> keys, Set<String> types, DateWindow dates,
                     boolean activityDates) {

  static final KeyConstraint ALL = new KeyConstraint(Long.MIN_VALUE, Long.MAX_VALUE, null, null, null, false);

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

  boolean hasDateWindow() {
    return dates != null;
  }
}
