package io.portico.settings.internal;

import io.portico.api.identity.PortalUser;
import io.portico.api.records.FirstRunStep;
import io.portico.netsuite.NetSuiteAccount;
import io.portico.netsuite.NetSuiteConnections;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** First-run step "Connect NetSuite": done while the NetSuite client has an account, from this page or the file. */
@Component(service = FirstRunStep.class)
public final class FirstRunNetSuite implements FirstRunStep {

    static final String TITLE = "Connect NetSuite";

    private final NetSuiteConnections connections;

    @Activate
    public FirstRunNetSuite(@Reference NetSuiteConnections connections) {
        this.connections = connections;
    }

    @Override
    public int order() {
        return NETSUITE;
    }

    @Override
    public State state(PortalUser admin) {
        return state(connections.account(), connections.problem());
    }

    static State state(Optional<NetSuiteAccount> account, Optional<String> problem) {
        if (account.isPresent()) {
            return new State(TITLE, true, "Account " + account.get().accountId() + " is connected.", "/admin/netsuite");
        }
        return new State(TITLE, false, problem.orElse("Enter the account and its credentials, test and save."),
                "/admin/netsuite");
    }
}
