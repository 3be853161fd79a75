package io.portico.netsuite;

/**
 * Counters of one client since it started, for metrics and health reports.
 *
 * @param requests HTTP requests sent, retries included
 * @param retries requests sent again after a 429, a 5xx or an I/O error
 * @param throttled 429 CONCURRENCY_LIMIT_EXCEEDED answers received
 * @param failures calls that ended with an exception
 * @param inFlight requests running now
 * @param waiting callers waiting for a free slot of the concurrency limit now
 */
public record NetSuiteMetrics(long requests, long retries, long throttled, long failures, int inFlight,
                              int waiting) {
}
