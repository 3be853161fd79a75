package io.portico.netsuite.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.portico.netsuite.AccountFormat;
import io.portico.netsuite.KeysetQuery;
import io.portico.netsuite.SuiteQlPage;
import io.portico.netsuite.SuiteQlRow;
import io.portico.netsuite.internal.http.ApiRequest;
import io.portico.netsuite.internal.http.RequestExecutor;
import java.io.UncheckedIOException;
import java.util.function.Consumer;

/** SuiteQL over REST: {@code POST /query/v1/suiteql?limit&offset} with {@code Prefer: transient}. */
final class SuiteQlService {

    private final RequestExecutor executor;
    private final Endpoints endpoints;
    private final ObjectMapper json;
    private final AccountFormat format;

    SuiteQlService(RequestExecutor executor, Endpoints endpoints, ObjectMapper json, AccountFormat format) {
        this.executor = executor;
        this.endpoints = endpoints;
        this.json = json;
        this.format = format;
    }

    SuiteQlPage page(String query, int limit, int offset, Consumer<SuiteQlRow> rows) {
        OffsetPaging.check(limit, offset);
        // A query only reads, so it is retried like a GET.
        ApiRequest request = ApiRequest.json("POST", endpoints.suiteQl(limit, offset), body(query), true)
                .withHeader("Prefer", "transient");
        return executor.execute(request,
                new SuiteQlPageReader(json.getFactory(), format, rows, request.describe()));
    }

    long all(String query, int pageSize, Consumer<SuiteQlRow> rows) {
        return OffsetPaging.readAll(pageSize, "SuiteQL query", (limit, offset) -> {
            SuiteQlPage page = page(query, limit, offset, rows);
            return new OffsetPaging.PageInfo(page.count(), page.hasMore(), page.totalResults());
        });
    }

    long keyset(KeysetQuery query, Consumer<SuiteQlRow> rows) {
        long total = 0;
        String sql = query.firstPage();
        while (true) {
            LastRow last = new LastRow(rows);
            SuiteQlPage page = page(sql, query.pageSize(), 0, last);
            total += last.count;
            if (!page.hasMore() || last.row == null) {
                return total;
            }
            String next = query.pageAfter(last.row);
            if (next.equals(sql)) {
                throw new IllegalStateException("keyset paging did not move past " + last.row
                        + "; the query must order by its key");
            }
            sql = next;
        }
    }

    private byte[] body(String query) {
        try {
            return json.writeValueAsBytes(json.createObjectNode().put("q", query));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Passes rows on and remembers the last one, where the next keyset page starts. */
    private static final class LastRow implements Consumer<SuiteQlRow> {
        private final Consumer<SuiteQlRow> downstream;
        private SuiteQlRow row;
        private long count;

        LastRow(Consumer<SuiteQlRow> downstream) {
            this.downstream = downstream;
        }

        @Override
        public void accept(SuiteQlRow next) {
            downstream.accept(next);
            row = next;
            count++;
        }
    }
}
