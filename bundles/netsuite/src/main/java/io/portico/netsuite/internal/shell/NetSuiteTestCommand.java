package io.portico.netsuite.internal.shell;

import io.portico.netsuite.ConnectionCheck;
import io.portico.netsuite.NetSuiteClient;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/**
 * {@code portico:netsuite-test}: proves the connection in use with a one-row SuiteQL query and shows the account's
 * limits ({@link ConnectionCheck}, which Settings &gt; NetSuite's Test shows too).
 */
@Service
@Command(scope = "portico", name = "netsuite-test",
        description = "Checks the NetSuite credentials with a one-row SuiteQL query and shows the account's limits")
public class NetSuiteTestCommand implements Action {

    @Reference
    NetSuiteClient client;

    @Option(name = "-q", aliases = "--query", description = "The SuiteQL query to run (one row is fetched)")
    String query = ConnectionCheck.DEFAULT_QUERY;

    @Override
    public Object execute() {
        ConnectionCheck check = ConnectionCheck.run(client, query);
        check.lines().forEach(System.out::println);
        if (!check.accepted()) {
            throw new IllegalStateException("The NetSuite credentials check failed: " + check.failure());
        }
        return null;
    }
}
