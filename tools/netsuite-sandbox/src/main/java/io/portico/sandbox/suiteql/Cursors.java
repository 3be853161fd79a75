package io.portico.sandbox.suiteql;

import io.portico.sandbox.data.IdCursor;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.LongFunction;
import java.util.function.LongPredicate;

/** Adapts id cursors to row iterators. */
final class Cursors {

  private Cursors() {
  }

  /** Rows for the ids the cursor yields up to {@code maxId}; a null row from {@code toRow} is skipped. */
  static Iterator<Object> rows(IdCursor ids, long maxId, LongFunction<Object> toRow) {
    return new Iterator<>() {
      Object next = advance();

      private Object advance() {
        while (true) {
          long id = ids.nextId();
          if (id == IdCursor.END || id > maxId) {
            return null;
          }
          Object row = toRow.apply(id);
          if (row != null) {
            return row;
          }
        }
      }

      @Override
      public boolean hasNext() {
        return next != null;
      }

      @Override
      public Object next() {
        if (next == null) {
          throw new NoSuchElementException();
        }
        Object out = next;
        next = advance();
        return out;
      }
    };
  }

  static long count(IdCursor ids, long maxId, LongPredicate admit) {
    long n = 0;
    for (long id = ids.nextId(); id != IdCursor.END && id <= maxId; id = ids.nextId()) {
      if (admit.test(id)) {
        n++;
      }
    }
    return n;
  }
}
