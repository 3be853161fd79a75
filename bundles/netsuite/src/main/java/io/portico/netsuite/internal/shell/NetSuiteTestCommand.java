package io.portico.netsuite.internal.shell;

import io.portico.netsuite.GovernanceLimits;
import io.portico.netsuite.NetSuiteAccount;
import io.portico.netsuite.NetSuiteClient;
import io.portico.netsuite.NetSuiteException;
import io.portico.netsuite.SuiteQlPage;
import java.io.PrintStream;
import java.util.Locale;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code portico:netsuite-test}: proves the configured credentials with a one-row SuiteQL query. */
@Service
@Command(scope = "portico", name = "netsuite-test",
        description = "Checks the NetSuite credentials with a one-row SuiteQL query and shows the account's limits")
public class NetSuiteTestCommand implements Action {

    @Reference
    NetSuiteClient client;

    @Option(name = "-q", aliases = "--query", description = "The SuiteQL query to run (one row is fetched)")
    String query = "SELECT id FROM transaction";

    @Override
    public Object execute() {
        PrintStream out = System.out;
        NetSuiteAccount account = client.account();
        out.println("Account:      " + account.accountId());
        out.println("Auth method:  " + account.authMethod().name().toLowerCase(Locale.ROOT));
        out.println("Host:         " + account.baseUri());
        out.println("Governance:   at most " + account.concurrencyLimit() + " requests at once, "
                + account.maxRetries() + " retries per call");

        long started = System.nanoTime();
        try {
            SuiteQlPage page = client.suiteQlPage(query, 1, 0, row -> { });
            long millis = (System.nanoTime() - started) / 1_000_000;
            out.println("Credentials:  accepted (" + page.count() + " row in " + millis + " ms round trip; "
                    + page.totalResults() + " rows in all)");
        } catch (NetSuiteException e) {
            out.println("Credentials:  FAILED after " + (System.nanoTime() - started) / 1_000_000 + " ms: "
                    + e.getMessage());
            throw new IllegalStateException("The NetSuite credentials check failed: " + e.getMessage());
        }
        out.println("NetSuite:     " + reportedLimits());
        return null;
    }

    /** Only some roles may read the governance limits, so a refusal is reported, not raised. */
    private String reportedLimits() {
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
