package io.portico.netsuite;

/**
 * What NetSuite said about one SuiteQL page; the rows themselves went to the row handler.
 *
 * @param count rows on this page
 * @param offset the offset this page starts at
 * @param hasMore whether another page follows
 * @param totalResults all rows of the query (NetSuite serves at most 100,000 of them by offset)
 */
public record SuiteQlPage(int count, int offset, boolean hasMore, int totalResults) {
}
