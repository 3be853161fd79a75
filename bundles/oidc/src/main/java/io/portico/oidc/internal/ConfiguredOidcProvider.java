package io.portico.oidc.internal;

import io.portico.api.plugin.PluginName;
import io.portico.api.sso.SsoProvider;
import io.portico.oidc.OidcProviders;
import io.portico.oidc.OidcSettings;
import io.portico.oidc.TokenEndpointAuth;
import java.net.URI;
import java.util.Arrays;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.osgi.annotation.bundle.Capability;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * An OIDC provider made from configuration alone: each factory configuration of {@value #PID} (a file
 * {@code etc/io.portico.sso.oidc-<name>.cfg}) becomes an {@link SsoProvider} service named {@code <name>}. The
 * service is registered here rather than by DS because its plugin name comes from the configuration.
 */
@Capability(namespace = "osgi.service", attribute = "objectClass:List<String>=\"io.portico.api.sso.SsoProvider\"",
        uses = SsoProvider.class)
@Component(configurationPid = ConfiguredOidcProvider.PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = {})
@Designate(ocd = ConfiguredOidcProvider.Config.class, factory = true)
public class ConfiguredOidcProvider {

    static final String PID = "io.portico.sso.oidc";
    private static final String FILE_PROPERTY = "felix.fileinstall.filename";

    @ObjectClassDefinition(name = "Portico SSO: OpenID Connect provider",
            description = "One provider per factory configuration, e.g. etc/io.portico.sso.oidc-okta.cfg")
    public @interface Config {
        @AttributeDefinition(description = "Plugin name (lower case); defaults to <name> of the file name")
        String name() default "";

        @AttributeDefinition(description = "Sign-in button label; defaults to 'Sign in with <name>'")
        String buttonLabel() default "";

        @AttributeDefinition(description = "Issuer, e.g. https://example.okta.com; its discovery document is"
                + " <issuer>/.well-known/openid-configuration")
        String issuer() default "";

        @AttributeDefinition(description = "Discovery document address, when it is not under the issuer")
        String discoveryUrl() default "";

        @AttributeDefinition(description = "Client id registered with the provider")
        String clientId();

        @AttributeDefinition(type = AttributeType.PASSWORD,
                description = "Client secret; seal it with portico:secret-seal to keep it encrypted at rest")
        String clientSecret() default "";

        @AttributeDefinition(description = "Scopes, separated by spaces or commas; must include openid")
        String scopes() default "openid email profile";

        @AttributeDefinition(description = "Tenant ids (tid) allowed to sign in, separated by spaces or commas;"
                + " empty allows all")
        String allowedTenants() default "";

        @AttributeDefinition(description = "Public base address of Portico (e.g. https://portal.example.com), when"
                + " the callback address must differ from what the server sees")
        String redirectBaseUrl() default "";

        @AttributeDefinition(description = "Boolean claim by which the provider vouches for the email address")
        String emailVerifiedClaim() default "email_verified";

        @AttributeDefinition(description = "Token endpoint client authentication")
        TokenEndpointAuth tokenEndpointAuth() default TokenEndpointAuth.AUTO;
    }

    private final ServiceRegistration<SsoProvider> registration;

    @Activate
    public ConfiguredOidcProvider(Config config, Map<String, Object> properties, BundleContext context,
            @Reference OidcProviders providers) {
        String name = config.name().isBlank() ? nameFromFile(properties.get(FILE_PROPERTY)) : config.name().trim();
        SsoProvider provider = providers.create(settings(name, config));
        Dictionary<String, Object> serviceProperties = new Hashtable<>();
        serviceProperties.put(PluginName.PROPERTY, name);
        registration = context.registerService(SsoProvider.class, provider, serviceProperties);
    }

    @Deactivate
    void deactivate() {
        registration.unregister();
    }

    static OidcSettings settings(String name, Config config) {
        OidcSettings.Builder settings = OidcSettings.builder(name)
                .buttonLabel(config.buttonLabel())
                .issuer(config.issuer())
                .clientId(config.clientId())
                .clientSecret(config.clientSecret())
                .scopes(words(config.scopes()))
                .allowedTenants(Set.copyOf(words(config.allowedTenants())))
                .emailVerifiedClaim(config.emailVerifiedClaim())
                .tokenEndpointAuth(config.tokenEndpointAuth());
        if (!config.discoveryUrl().isBlank()) {
            settings.discoveryUri(URI.create(config.discoveryUrl().trim()));
        }
        if (!config.redirectBaseUrl().isBlank()) {
            settings.redirectBaseUri(URI.create(config.redirectBaseUrl().trim()));
        }
        return settings.build();
    }

    /** {@code .../etc/io.portico.sso.oidc-okta.cfg} gives {@code okta}. */
    static String nameFromFile(Object file) {
        String path = file == null ? "" : file.toString();
        String fileName = path.substring(path.lastIndexOf('/') + 1).replaceFirst("\\.(cfg|config|json)$", "");
        if (!fileName.startsWith(PID + "-") || fileName.length() == PID.length() + 1) {
            throw new IllegalArgumentException("An " + PID + " configuration needs a name: set 'name', or put it in"
                    + " etc/" + PID + "-<name>.cfg");
        }
        return fileName.substring(PID.length() + 1);
    }

    private static List<String> words(String value) {
        return Arrays.stream(value.split("[\\s,]+")).filter(w -> !w.isEmpty()).collect(Collectors.toList());
    }
}
