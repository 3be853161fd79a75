package io.portico.netsuite.internal;

import io.portico.api.secrets.SecretBox;
import io.portico.netsuite.ConnectionCheck;
import io.portico.netsuite.InvalidConnectionException;
import io.portico.netsuite.NetSuiteAccount;
import io.portico.netsuite.NetSuiteClient;
import io.portico.netsuite.NetSuiteConnection;
import io.portico.netsuite.NetSuiteConnections;
import io.portico.netsuite.StoredNetSuiteConnection;
import io.portico.netsuite.internal.config.ClientSettings;
import io.portico.netsuite.internal.config.NetSuiteConfig;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.osgi.annotation.bundle.Capability;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the account's {@link NetSuiteClient} from {@code etc/io.portico.netsuite.cfg} when that file exists (it
 * wins), else from the connection saved in Settings &gt; NetSuite ({@link StoredNetSuiteConnection}), read again every
 * {@link #POLL_SECONDS} seconds so that a connection saved on any node replaces the client on every node. A changed
 * connection replaces the client: a new one starts with the new credentials and limits.
 *
 * <p>The services are registered by hand because DS would copy every configuration property, the secrets included,
 * onto them, where any bundle and {@code service:list} can read them.
 */
// Declares the hand-registered services, as DS would, for resolvers that check service requirements.
@Capability(namespace = "osgi.service", attribute = "objectClass:List<String>=\"io.portico.netsuite.NetSuiteClient\"",
        uses = NetSuiteClient.class)
@Capability(namespace = "osgi.service",
        attribute = "objectClass:List<String>=\"io.portico.netsuite.NetSuiteConnections\"",
        uses = NetSuiteConnections.class)
@Component(configurationPid = NetSuiteClientComponent.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL,
        service = {}, immediate = true)
@Designate(ocd = NetSuiteConfig.class)
public final class NetSuiteClientComponent implements NetSuiteConnections {

    public static final String PID = "io.portico.netsuite";
    /** Service property naming the account (realm form), for callers that must pick one. */
    public static final String ACCOUNT_PROPERTY = "netsuite.account";
    static final long POLL_SECONDS = 2;
    /** Longer than a call with its retries takes (the request timeout is 5 minutes). */
    static final long RETIRED_CLIENT_CLOSE_MINUTES = 15;
    private static final Logger LOG = LoggerFactory.getLogger(NetSuiteClientComponent.class);

    private final BundleContext context;
    private final SecretBox secrets;
    private final boolean fromFile;
    private final ScheduledExecutorService poller;
    private final ServiceRegistration<NetSuiteConnections> connectionsRegistration;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile StoredNetSuiteConnection stored;

    /** The client in use and the saved connection it was made from (null for the file's); guarded by this. */
    private Published published;
    /** The saved connection last tried, so that one that is not valid is not tried every poll; guarded by this. */
    private NetSuiteConnection tried;
    private volatile String problem;

    private record Published(NetSuiteConnection connection, DefaultNetSuiteClient client,
                             ServiceRegistration<NetSuiteClient> registration) {
    }

    @Activate
    public NetSuiteClientComponent(BundleContext context, @Reference SecretBox secrets, NetSuiteConfig config,
            Map<String, Object> properties) {
        this.context = context;
        this.secrets = secrets;
        this.fromFile = properties.containsKey(Constants.SERVICE_PID);
        if (fromFile) {
            try {
                publish(null, ClientSettings.from(config, secrets));
            } catch (IllegalArgumentException e) {
                problem = "etc/" + PID + ".cfg is not valid: " + e.getMessage();
                LOG.error("No NetSuite client: {}", problem);
            }
            poller = null;
        } else {
            poller = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "portico-netsuite-connection");
                thread.setDaemon(true);
                return thread;
            });
            poller.scheduleWithFixedDelay(this::refresh, 0, POLL_SECONDS, TimeUnit.SECONDS);
        }
        this.connectionsRegistration = context.registerService(NetSuiteConnections.class, this, null);
    }

    @Deactivate
    void deactivate() {
        if (poller != null) {
            poller.shutdownNow();
        }
        connectionsRegistration.unregister();
        synchronized (this) {
            unpublish();
        }
    }

    /** Follows the saved connection; while no one offers it (Settings not started), the client stays as it is. */
    void refresh() {
        StoredNetSuiteConnection source = stored;
        if (source == null) {
            return;
        }
        NetSuiteConnection wanted;
        try {
            wanted = source.connection().orElse(null);
        } catch (RuntimeException e) {
            LOG.warn("The saved NetSuite connection could not be read; the client stays as it is: {}", e.toString());
            return;
        }
        synchronized (this) {
            if (Objects.equals(wanted, tried)) {
                return;
            }
            tried = wanted;
            retire();
            problem = null;
            if (wanted == null) {
                LOG.info("No NetSuite connection is saved: no NetSuite client");
                return;
            }
            try {
                publish(wanted, ConnectionChecks.settings(wanted, secrets));
            } catch (InvalidConnectionException e) {
                problem = "The saved connection is not valid: " + e.getMessage();
                LOG.error("No NetSuite client: {}", problem);
            }
        }
    }

    private synchronized void publish(NetSuiteConnection connection, ClientSettings settings) {
        DefaultNetSuiteClient client = new DefaultNetSuiteClient(settings);
        NetSuiteAccount account = client.account();
        published = new Published(connection, client,
                context.registerService(NetSuiteClient.class, client, serviceProperties(account)));
        LOG.info("NetSuite client for account {} ({}) at {}, at most {} requests at once, from {}",
                account.accountId(), account.authMethod(), account.baseUri(), account.concurrencyLimit(),
                connection == null ? "etc/" + PID + ".cfg" : "Settings > NetSuite");
    }

    /**
     * Unregisters the client in use and closes it later: a caller that took it before (a sync page, a console
     * command) finishes its calls on it, since a closed client no longer starts any.
     */
    private void retire() {
        if (published != null) {
            published.registration().unregister();
            poller.schedule(published.client()::close, RETIRED_CLIENT_CLOSE_MINUTES, TimeUnit.MINUTES);
            published = null;
        }
    }

    private void unpublish() {
        if (published != null) {
            published.registration().unregister();
            published.client().close();
            published = null;
        }
    }

    @Override
    public Source source() {
        if (fromFile) {
            return Source.FILE;
        }
        synchronized (this) {
            return tried == null ? Source.NONE : Source.SETTINGS;
        }
    }

    @Override
    public synchronized Optional<NetSuiteAccount> account() {
        return published == null ? Optional.empty() : Optional.of(published.client().account());
    }

    @Override
    public Optional<String> problem() {
        return Optional.ofNullable(problem);
    }

    @Override
    public void validate(NetSuiteConnection connection) {
        ConnectionChecks.settings(connection, secrets);
    }

    @Override
    public ConnectionCheck check(NetSuiteConnection connection) {
        return ConnectionChecks.check(connection, secrets);
    }

    @Override
    public Optional<ConnectionCheck> checkInUse() {
        NetSuiteClient client;
        synchronized (this) {
            client = published == null ? null : published.client();
        }
        // Outside the lock: the call may take seconds, and a replaced client still answers until it is closed.
        return Optional.ofNullable(client).map(c -> ConnectionCheck.run(c, ConnectionCheck.DEFAULT_QUERY));
    }

    private static Dictionary<String, Object> serviceProperties(NetSuiteAccount account) {
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(ACCOUNT_PROPERTY, account.accountId());
        properties.put("netsuite.authMethod", account.authMethod().name().toLowerCase(Locale.ROOT));
        return properties;
    }
}
