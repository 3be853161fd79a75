package io.portico.core.internal;

import io.portico.api.health.HealthCheck;
import io.portico.api.health.HealthReport;
import io.portico.api.health.HealthResult;
import io.portico.api.health.HealthService;
import io.portico.api.plugin.PluginInfo;
import io.portico.api.plugin.PluginRegistry;
import io.portico.api.plugin.PluginState;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs the registered health checks and adds what the plugin registry knows. */
@Component(service = HealthService.class)
public class HealthServiceImpl implements HealthService {

    private static final Logger LOG = LoggerFactory.getLogger(HealthServiceImpl.class);

    private final PluginRegistry plugins;
    private final String version;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private final List<HealthCheck> checks = new CopyOnWriteArrayList<>();

    @Activate
    public HealthServiceImpl(@Reference PluginRegistry plugins, BundleContext context) {
        this.plugins = plugins;
        this.version = context.getBundle().getVersion().toString();
    }

    @Override
    public HealthReport report() {
        Map<String, HealthResult> results = new TreeMap<>();
        for (HealthCheck check : checks) {
            results.put(check.name(), run(check));
        }
        Map<String, Integer> active = new TreeMap<>();
        List<PluginInfo> all = plugins.plugins();
        all.stream().filter(p -> p.state() == PluginState.ACTIVE)
                .forEach(p -> active.merge(p.kind().name().toLowerCase(), 1, Integer::sum));
        List<String> problems = all.stream()
                .filter(p -> p.state() == PluginState.FAILED || p.state() == PluginState.REFUSED)
                .map(p -> p.bundleSymbolicName() + " (" + p.name() + "): " + p.detail())
                .toList();
        boolean up = results.values().stream().allMatch(HealthResult::up);
        return new HealthReport(up, version, results, active, problems);
    }

    private static HealthResult run(HealthCheck check) {
        try {
            return check.check();
        } catch (RuntimeException e) {
            LOG.warn("Health check {} threw instead of reporting DOWN", check.name(), e);
            return HealthResult.down(check.name() + " check failed: " + e);
        }
    }
}
