package io.portico.pay.internal;

import io.portico.api.db.Database;
import io.portico.netsuite.NetSuiteClient;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the NetSuite write-back on this node every few seconds, payments and pay-now links (reconciliation:
 * {@link Reconciliation}). The links' address starts with the portal's public URL, the {@code publicUrl} of
 * {@code io.portico.identity}, which this component reads too.
 * Without a NetSuite connection payments wait in the outbox; they are never lost and never block a customer's
 * payment.
 */
@Component(service = WritebackWorker.class, immediate = true, configurationPid = "io.portico.identity",
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
public final class WritebackWorker {

    private static final Logger LOG = LoggerFactory.getLogger(WritebackWorker.class);

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile NetSuiteClient client;

    private final NetSuiteWriteback writeback;
    private final PayLinkPublisher payLinks;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "portico-pay-writeback");
        t.setDaemon(true);
        return t;
    });

    /** The portal's address as payers reach it, from {@code io.portico.identity}'s {@code publicUrl}. */
    static String publicUrl(Map<String, Object> config) {
        return String.valueOf(config.getOrDefault("publicUrl", "http://localhost:8181")).strip().replaceAll("/+$", "");
    }

    @Activate
    public WritebackWorker(@Reference Database database, @Reference PayCore core, Map<String, Object> config) {
        String node = "pid " + ProcessHandle.current().pid();
        this.writeback = new NetSuiteWriteback(database.sessionFactory(WritebackMapper.class),
                () -> Optional.ofNullable(client), node, NetSuiteWriteback.Options.defaults());
        String publicUrl = publicUrl(config);
        this.payLinks = new PayLinkPublisher(database.sessionFactory(PayLinkMapper.class), core.links(),
                () -> Optional.ofNullable(client), () -> publicUrl, node, NetSuiteWriteback.Options.defaults());
        scheduler.scheduleWithFixedDelay(this::runSafely, 3, 5, TimeUnit.SECONDS);
    }

    @Deactivate
    void stop() {
        scheduler.shutdownNow();
    }

    private void runSafely() {
        try {
            while (writeback.run() > 0) {
                // a full batch may leave more due rows: keep going until a round finds none
            }
        } catch (RuntimeException e) {
            LOG.warn("The NetSuite write-back failed; it runs again shortly", e);
        }
        try {
            while (payLinks.run() > 0) {
                // the same for pay-now links
            }
        } catch (RuntimeException e) {
            LOG.warn("Writing pay-now links to NetSuite failed; it runs again shortly", e);
        }
    }
}
