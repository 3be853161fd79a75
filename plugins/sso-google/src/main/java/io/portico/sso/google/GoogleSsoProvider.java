package io.portico.sso.google;

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

/** Sign in with Google: the shared OIDC core with Google's issuer and defaults. */
@Component(service = SsoProvider.class, configurationPid = "io.portico.sso.google",
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = GoogleConfig.class)
@PluginName("google")
public class GoogleSsoProvider implements SsoProvider {

    private final SsoProvider oidc;

    @Activate
    public GoogleSsoProvider(GoogleConfig config, @Reference OidcProviders providers) {
        this.oidc = providers.create(GoogleSettings.of(config));
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
