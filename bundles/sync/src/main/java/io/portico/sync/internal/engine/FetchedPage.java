package io.portico.sync.internal.engine;

import io.portico.netsuite.SuiteQlRow;
import java.util.List;
import java.util.Map;

/**
 * A page of header rows and their lines (every line list's, list after list), as NetSuite sent them, for the ids in
 * {@code (after, coveredUpTo]}.
 *
 * @param last whether the page reached the end of the slice
 * @param nextWindow how wide the next page's id window should be
 */
record FetchedPage(List<SuiteQlRow> headers, Map<Long, List<SuiteQlRow>> lines, long coveredUpTo, boolean last,
        long nextWindow) {
}
