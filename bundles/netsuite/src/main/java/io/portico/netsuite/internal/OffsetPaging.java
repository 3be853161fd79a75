package io.portico.netsuite.internal;

import io.portico.netsuite.NetSuiteClient;

/** NetSuite's limit/offset rules, shared by record lists and SuiteQL. */
final class OffsetPaging {

    /** What a page said about itself; {@code totalResults} is -1 when unknown. */
    record PageInfo(int count, boolean hasMore, long totalResults) {
    }

    @FunctionalInterface
    interface PageFetcher {
        PageInfo fetch(int limit, int offset);
    }

    private OffsetPaging() {
    }

    /** Limit 1 to 1000, the offset a multiple of it and below the 100,000-row cap. */
    static void check(int limit, int offset) {
        if (limit < 1 || limit > NetSuiteClient.MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("limit must be 1 to " + NetSuiteClient.MAX_PAGE_SIZE + ", not " + limit);
        }
        if (offset < 0 || offset % limit != 0 || offset >= NetSuiteClient.MAX_OFFSET_RESULTS) {
            throw new IllegalArgumentException("offset must be a multiple of the limit " + limit + " below "
                    + NetSuiteClient.MAX_OFFSET_RESULTS + ", not " + offset);
        }
    }

    /**
     * Fetches page after page while NetSuite reports more.
     *
     * @param what names the query or list in the error when it passes the cap
     * @return the rows or ids passed on
     */
    static long readAll(int pageSize, String what, PageFetcher fetcher) {
        long total = 0;
        for (int offset = 0; ; offset += pageSize) {
            PageInfo page = fetcher.fetch(pageSize, offset);
            total += page.count();
            // At the cap NetSuite may stop saying hasMore although totalResults counts further rows.
            boolean more = page.hasMore() || page.totalResults() > (long) offset + page.count();
            if (!more || page.count() == 0) {
                return total;
            }
            if (offset + pageSize >= NetSuiteClient.MAX_OFFSET_RESULTS) {
                throw new IllegalStateException(what + " has more than " + NetSuiteClient.MAX_OFFSET_RESULTS
                        + " results, which NetSuite does not serve by offset; page it by key instead");
            }
        }
    }
}
