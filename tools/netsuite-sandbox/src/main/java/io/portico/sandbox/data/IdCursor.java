package io.portico.sandbox.data;

/** Ascending record ids, produced lazily so huge generated ranges can be walked or skipped without materializing. */
@FunctionalInterface
public interface IdCursor {

  long END = -1;

  /** The next id, or {@link #END}. */
  long nextId();
}
