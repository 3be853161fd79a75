package io.portico.web.internal;

import io.portico.api.health.HealthService;
import io.portico.api.secrets.SecretBox;
import io.portico.api.web.PorticoResource;
import java.util.Dictionary;
import java.util.Hashtable;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Mounts {@code /health} with the monitoring token of {@value #PID}. The resource is registered by hand so that the
 * token never becomes a service property.
 */
@Component(configurationPid = HealthComponent.PID, service = {}, immediate = true)
@Designate(ocd = HealthConfig.class)
public final class HealthComponent {

    static final String PID = "io.portico.health";
    private static final Logger LOG = LoggerFactory.getLogger(HealthComponent.class);

    private final ServiceRegistration<HealthResource> registration;

    @Activate
    public HealthComponent(BundleContext context, HealthConfig config, @Reference HealthService health,
            @Reference SecretBox secrets) {
        Dictionary<String, Object> props = new Hashtable<>();
        props.put(PorticoResource.PROPERTY, "true");
        registration = context.registerService(HealthResource.class, new HealthResource(health,
                monitoringToken(config, secrets)), props);
    }

    /** A token that cannot be unsealed opens nothing, but must not take /health itself down. */
    private static String monitoringToken(HealthConfig config, SecretBox secrets) {
        try {
            return secrets.reveal(config.monitoringToken());
        } catch (IllegalArgumentException e) {
            LOG.error("The monitoring token in {} cannot be unsealed ({}): only the operator's administrators see "
                    + "the details of /health", PID, e.getMessage());
            return "";
        }
    }

    @Deactivate
    void deactivate() {
        registration.unregister();
    }
}
