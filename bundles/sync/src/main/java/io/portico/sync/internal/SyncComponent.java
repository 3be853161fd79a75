package io.portico.sync.internal;

import io.portico.api.db.Database;
import io.portico.api.plugin.PluginRegistry;
import io.portico.api.recordtype.RecordType;
import io.portico.api.secrets.SecretBox;
import io.portico.api.sync.SyncService;
import io.portico.api.web.PorticoResource;
import io.portico.netsuite.NetSuiteClient;
import io.portico.sync.internal.admin.SyncAdminResource;
import io.portico.sync.internal.engine.SyncEngine;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.osgi.annotation.bundle.Capability;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs this node's sync engine while the database is up: publishes {@link SyncService} and the admin API, and checks
 * the schedule. Record types come from the plugin registry as plugins come and go; the NetSuite client is optional
 * (without one, syncs report that NetSuite is not configured).
 *
 * <p>The services are registered by hand so that the admin token in the configuration never becomes a service
 * property.
 */
@Capability(namespace = "osgi.service", attribute = "objectClass:List<String>=\"io.portico.api.sync.SyncService\"",
        uses = SyncService.class)
@Component(configurationPid = SyncComponent.PID, service = {}, immediate = true)
@Designate(ocd = SyncEngineConfig.class)
public final class SyncComponent {

    static final String PID = "io.portico.sync";
    private static final Logger LOG = LoggerFactory.getLogger(SyncComponent.class);

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile NetSuiteClient client;

    private final SyncEngine engine;
    private final ScheduledExecutorService scheduler;
    private final ServiceRegistration<SyncService> service;
    private final ServiceRegistration<SyncAdminResource> resource;

    @Activate
    public SyncComponent(BundleContext context, SyncEngineConfig config, @Reference Database database,
            @Reference PluginRegistry registry, @Reference SecretBox secrets) {
        String node = config.nodeName().isBlank() ? defaultNodeName() : config.nodeName().strip();
        engine = new SyncEngine(database, name -> registry.find(RecordType.class, name),
                () -> registry.names(RecordType.class), () -> client,
                new SyncEngine.Options(node, config.leaseSeconds(), config.maxConcurrentRuns(),
                        config.resumeDelaySeconds(), config.maxErrorsPerRun()));
        String token = secrets.reveal(config.adminToken());
        service = context.registerService(SyncService.class, engine, null);
        Dictionary<String, Object> props = new Hashtable<>();
        props.put(PorticoResource.PROPERTY, "true");
        resource = context.registerService(SyncAdminResource.class, new SyncAdminResource(engine, token), props);
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "portico-sync-scheduler");
            t.setDaemon(true);
            return t;
        });
        scheduler.scheduleWithFixedDelay(this::tick, config.tickSeconds(), config.tickSeconds(), TimeUnit.SECONDS);
        if (config.historyDays() > 0) {
            int days = config.historyDays();
            int keep = Math.max(1, config.historyRunsKept());
            scheduler.scheduleWithFixedDelay(() -> prune(days, keep), 1, 60, TimeUnit.MINUTES);
        }
        LOG.info("Sync engine on node {}: checking the schedule every {} s, at most {} runs at once", node,
                config.tickSeconds(), config.maxConcurrentRuns());
    }

    private void tick() {
        try {
            engine.tick();
        } catch (RuntimeException e) {
            LOG.warn("Sync schedule check failed: {}", e.getMessage());
        }
    }

    /** Any node may prune; two at once delete the same rows, harmlessly. */
    private void prune(int days, int keep) {
        try {
            int deleted = engine.pruneHistory(days, keep);
            if (deleted > 0) {
                LOG.info("Sync history: deleted {} runs that ended more than {} days ago", deleted, days);
            }
        } catch (RuntimeException e) {
            LOG.warn("Pruning the sync history failed: {}", e.getMessage());
        }
    }

    @Deactivate
    void deactivate() {
        scheduler.shutdownNow();
        resource.unregister();
        service.unregister();
        engine.close();
    }

    private static String defaultNodeName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "node";
        }
        return host + ":" + ProcessHandle.current().pid();
    }
}
