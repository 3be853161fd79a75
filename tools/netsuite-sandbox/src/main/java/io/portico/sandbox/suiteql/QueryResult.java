package io.portico.sandbox.suiteql;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One page of a query: the output column names, each row's cells in column order, and the total row count. A cell is
 * null for NULL (the answer leaves it out), a {@link String} as answered, or a {@link Long}, {@link BigDecimal} or
 * {@link LocalDate}, answered in SuiteQL's string form ({@link SqlValues#format}: plain digits without trailing
 * zeros, dates as M/D/YYYY).
 */
record QueryResult(List<String> names, List<Object[]> rows, long totalResults) {
}
