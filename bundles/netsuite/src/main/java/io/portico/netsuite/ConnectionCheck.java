package io.portico.netsuite;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What {@code portico:netsuite-test} and Settings &gt; NetSuite's Test show: the account, how it authenticates,
 * whether NetSuite accepted the credentials (a one-row SuiteQL query, with its round trip) or NetSuite's own error,
 * and the account's governance limits when the role may read them.
 *
 * @param roundTripMillis how long the query took, accepted or not
 * @param rows the rows the query returned (0 or 1)
 * @param totalRows the rows the query has in all
 * @param failure why the query failed, with NetSuite's status, error code and message; null when accepted
 * @param governance the account's concurrency limits as NetSuite reports them, or why they are not available
 * @since 1.4
 */
public record ConnectionCheck(NetSuiteAccount account, long roundTripMillis, long rows, long totalRows,
        String failure, String governance) {

    /** The query that proves the credentials: every role that may use SuiteQL may read it. */
    public static final String DEFAULT_QUERY = "SELECT id FROM transaction";

    /** Runs the check through a client; never throws for NetSuite's refusals, which it reports. */
    public static ConnectionCheck run(NetSuiteClient client, String query) {
        NetSuiteAccount account = client.account();
        long started = System.nanoTime();
        try {
            SuiteQlPage page = client.suiteQlPage(query, 1, 0, row -> { });
            return new ConnectionCheck(account, (System.nanoTime() - started) / 1_000_000, page.count(),
                    page.totalResults(), null, governance(client));
        } catch (NetSuiteException e) {
            return new ConnectionCheck(account, (System.nanoTime() - started) / 1_000_000, 0, 0, e.getMessage(),
                    null);
        }
    }

    public boolean accepted() {
        return failure == null;
    }

    /** The check as lines of text, as the console prints them. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add("Account:      " + account.accountId());
        lines.add("Auth method:  " + account.authMethod().name().toLowerCase(Locale.ROOT));
        lines.add("Host:         " + account.baseUri());
        lines.add("Governance:   " + configuredGovernance());
        lines.add("Credentials:  " + credentials());
        if (accepted()) {
            lines.add("NetSuite:     " + governance);
        }
        return lines;
    }

    /** What this server allows itself against the account. */
    public String configuredGovernance() {
        return "at most " + account.concurrencyLimit() + " requests at once, " + account.maxRetries()
                + " retries per call";
    }

    /** Whether NetSuite accepted the credentials, with the round trip, or NetSuite's error. */
    public String credentials() {
        return accepted()
                ? "accepted (" + rows + " row in " + roundTripMillis + " ms round trip; " + totalRows + " rows in all)"
                : "FAILED after " + roundTripMillis + " ms: " + failure;
    }

    /** Only some roles may read the governance limits, so a refusal is reported, not raised. */
    private static String governance(NetSuiteClient client) {
        try {
            GovernanceLimits limits = client.governanceLimits();
            return "account limit " + limits.accountConcurrencyLimit() + ", unallocated "
                    + limits.accountUnallocatedConcurrencyLimit() + ", this integration "
                    + limits.integrationConcurrencyLimit() + " (" + limits.integrationLimitType() + ")";
        } catch (NetSuiteException e) {
            return "governance limits not available (" + e.getMessage() + ")";
        }
    }
}
