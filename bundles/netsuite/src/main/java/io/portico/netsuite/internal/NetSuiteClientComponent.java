package io.portico.netsuite.internal;

import io.portico.api.secrets.SecretBox;
import io.portico.netsuite.NetSuiteAccount;
import io.portico.netsuite.NetSuiteClient;
import io.portico.netsuite.internal.config.ClientSettings;
import io.portico.netsuite.internal.config.NetSuiteConfig;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Locale;
import org.osgi.annotation.bundle.Capability;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the account's {@link NetSuiteClient} while {@code io.portico.netsuite} is configured. A changed
 * configuration replaces the client: a new one starts with the new credentials and limits.
 *
 * <p>The client is registered by hand because DS would copy every configuration property, the secrets included,
 * onto the service, where any bundle and {@code service:list} can read them.
 */
// Declares the hand-registered service, as DS would, for resolvers that check service requirements.
@Capability(namespace = "osgi.service", attribute = "objectClass:List<String>=\"io.portico.netsuite.NetSuiteClient\"",
        uses = NetSuiteClient.class)
@Component(configurationPid = NetSuiteClientComponent.PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = {}, immediate = true)
@Designate(ocd = NetSuiteConfig.class)
public final class NetSuiteClientComponent {

    public static final String PID = "io.portico.netsuite";
    /** Service property naming the account (realm form), for callers that must pick one. */
    public static final String ACCOUNT_PROPERTY = "netsuite.account";
    private static final Logger LOG = LoggerFactory.getLogger(NetSuiteClientComponent.class);

    private final DefaultNetSuiteClient client;
    private final ServiceRegistration<NetSuiteClient> registration;

    @Activate
    public NetSuiteClientComponent(BundleContext context, @Reference SecretBox secrets, NetSuiteConfig config) {
        this.client = new DefaultNetSuiteClient(ClientSettings.from(config, secrets));
        NetSuiteAccount account = client.account();
        this.registration = context.registerService(NetSuiteClient.class, client, serviceProperties(account));
        LOG.info("NetSuite client for account {} ({}) at {}, at most {} requests at once", account.accountId(),
                account.authMethod(), account.baseUri(), account.concurrencyLimit());
    }

    @Deactivate
    void deactivate() {
        registration.unregister();
        client.close();
    }

    private static Dictionary<String, Object> serviceProperties(NetSuiteAccount account) {
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(ACCOUNT_PROPERTY, account.accountId());
        properties.put("netsuite.authMethod", account.authMethod().name().toLowerCase(Locale.ROOT));
        return properties;
    }
}
