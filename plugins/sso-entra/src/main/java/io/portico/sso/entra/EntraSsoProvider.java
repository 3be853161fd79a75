package io.portico.sso.entra;

import io.portico.api.plugin.PluginName;
import io.portico.api.sso.SsoCallback;
import io.portico.api.sso.SsoException;
import io.portico.api.sso.SsoIdentity;
import io.portico.api.sso.SsoProvider;
import io.portico.api.sso.SsoRequest;
import io.portico.api.sso.SsoStart;
import io.portico.oidc.OidcProviders;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/** Sign in with Microsoft Entra ID: the shared OIDC core with Entra's multi-tenant endpoint and defaults. */
@Component(service = SsoProvider.class, configurationPid = "io.portico.sso.entra",
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = EntraConfig.class)
@PluginName("entra")
public class EntraSsoProvider implements SsoProvider {

    private final SsoProvider oidc;

    @Activate
    public EntraSsoProvider(EntraConfig config, @Reference OidcProviders providers) {
        this.oidc = providers.create(EntraSettings.of(config));
    }

    @Override
    public String buttonLabel() {
        return oidc.buttonLabel();
    }

    @Override
    public SsoStart begin(SsoRequest request) throws SsoException {
        return oidc.begin(request);
    }

    @Override
    public SsoIdentity complete(SsoCallback callback, SsoStart start) throws SsoException {
        return oidc.complete(callback, start);
    }
}
