package io.portico.netsuite.internal;

import io.portico.api.health.HealthCheck;
import io.portico.api.health.HealthResult;
import io.portico.netsuite.NetSuiteAccount;
import io.portico.netsuite.NetSuiteClient;
import io.portico.netsuite.NetSuiteConnections;
import io.portico.netsuite.NetSuiteMetrics;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * Reports whether a NetSuite account is configured, with the client's counters. It makes no network call, since
 * {@code /health} runs often; {@code portico:netsuite-test} is the check that talks to NetSuite.
 */
@Component(service = HealthCheck.class)
public final class NetSuiteHealthCheck implements HealthCheck {

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile NetSuiteClient client;

    @Reference
    private NetSuiteConnections connections;

    @Override
    public String name() {
        return "netsuite";
    }

    @Override
    public HealthResult check() {
        NetSuiteClient current = client;
        if (current == null) {
            // Not configured yet is a setup step, not an outage: a load balancer must keep the node.
            return connections.problem().map(HealthResult::down).orElseGet(() -> HealthResult.up(
                    "no NetSuite account connected yet (Settings > NetSuite, or etc/" + NetSuiteClientComponent.PID
                            + ".cfg)"));
        }
        NetSuiteAccount account = current.account();
        NetSuiteMetrics metrics = current.metrics();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("accountId", account.accountId());
        data.put("authMethod", account.authMethod().name().toLowerCase(Locale.ROOT));
        data.put("baseUri", account.baseUri().toString());
        data.put("concurrencyLimit", account.concurrencyLimit());
        data.put("requests", metrics.requests());
        data.put("retries", metrics.retries());
        data.put("throttled", metrics.throttled());
        data.put("failures", metrics.failures());
        data.put("inFlight", metrics.inFlight());
        return new HealthResult(true, "account " + account.accountId() + " configured", data);
    }
}
