package io.portico.sandbox.suiteql;

import java.util.List;
import java.util.Map;

/** One page of a query: rows as output name to string value (NULLs left out), and the total row count. */
record QueryResult(List<Map<String, String>> rows, long totalResults) {
}
