package io.portico.sandbox.suiteql;

import java.util.function.Function;

/**
 * A table column: how to read it from a row object and, for BUILTIN.DF, how to display it (null display = the
 * formatted value itself). Getters return Long/BigDecimal, String, LocalDate (DATE) or Instant (DATETIME), or null.
 */
record Column(String name, Function<Object, Object> getter, Function<Object, String> display) {
}
