package io.portico.sync.internal.engine;

import io.portico.api.recordtype.LineQuery;
import io.portico.api.recordtype.SyncQuery;
import io.portico.netsuite.KeysetQuery;
import io.portico.netsuite.NetSuiteClient;
import io.portico.netsuite.SuiteQlRow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads one page of records from NetSuite: the headers in an id window, then each line list's rows of them. */
final class PageFetcher {

    private static final int LINE_PAGE = NetSuiteClient.MAX_PAGE_SIZE;

    private final NetSuiteClient client;
    private final SyncQuery query;
    private final int pageSize;
    private final RunControl control;

    PageFetcher(NetSuiteClient client, SyncQuery query, int pageSize, RunControl control) {
        this.client = client;
        this.query = query;
        this.pageSize = pageSize;
        this.control = control;
    }

    /** The first id window of a slice: a page's worth of ids if about one id in four is this type's. */
    long initialWindow() {
        return 4L * pageSize;
    }

    /**
     * The records in {@code (after, min(after + window, high)]} matching the conditions, at most a page of them, and
     * how wide the next window should be: wider when this one held few records, about a page's worth when it was full.
     */
    FetchedPage fetch(List<String> conditions, long after, long high, long window) {
        control.checkStop();
        long end = window >= high - after ? high : after + window;
        KeysetQuery headers = Queries.headers(query, conditions, after, end, pageSize);
        List<SuiteQlRow> rows = new ArrayList<>(pageSize);
        client.suiteQlPage(headers.firstPage(), pageSize, 0, rows::add);
        long covered;
        long nextWindow;
        if (rows.size() >= pageSize) {
            covered = rows.get(rows.size() - 1).getLong(SyncQuery.ID);
            nextWindow = Math.max(pageSize, (covered - after) + (covered - after) / 4);
        } else {
            covered = end;
            nextWindow = rows.size() < pageSize / 2 ? grow(window) : window + window / 4;
        }
        Map<Long, List<SuiteQlRow>> lines = new LinkedHashMap<>();
        if (!rows.isEmpty()) {
            List<Long> ids = new ArrayList<>(rows.size());
            for (SuiteQlRow r : rows) {
                ids.add(r.getLong(SyncQuery.ID));
            }
            for (LineQuery lineQuery : query.lineQueries()) {
                fetchLines(lineQuery, ids, lines);
            }
        }
        return new FetchedPage(rows, lines, covered, covered >= high, nextWindow);
    }

    /** Adds one line list's rows of the given headers to their headers' lines. */
    private void fetchLines(LineQuery lineQuery, List<Long> ids, Map<Long, List<SuiteQlRow>> lines) {
        KeysetQuery keyset = Queries.lines(lineQuery, ids, LINE_PAGE);
        String sql = keyset.firstPage();
        while (true) {
            List<SuiteQlRow> page = new ArrayList<>(LINE_PAGE);
            client.suiteQlPage(sql, LINE_PAGE, 0, page::add);
            for (SuiteQlRow line : page) {
                lines.computeIfAbsent(line.getLong(LineQuery.PARENT_ID), id -> new ArrayList<>()).add(line);
            }
            if (page.size() < LINE_PAGE) {
                return;
            }
            sql = keyset.pageAfter(page.get(page.size() - 1));
        }
    }

    private static long grow(long window) {
        return window > Long.MAX_VALUE / 4 ? Long.MAX_VALUE / 2 : window * 4;
    }
}
