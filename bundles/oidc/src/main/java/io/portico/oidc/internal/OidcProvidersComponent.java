package io.portico.oidc.internal;

import io.portico.api.secrets.SecretBox;
import io.portico.api.sso.SsoProvider;
import io.portico.oidc.OidcProviders;
import io.portico.oidc.OidcSettings;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Makes OIDC providers that share one HTTP client and one cache of discovery documents and key sets. */
@Component(service = OidcProviders.class)
public class OidcProvidersComponent implements OidcProviders {

    private static final Duration DISCOVERY_MAX_AGE = Duration.ofHours(1);
    private static final Duration KEYS_MAX_AGE = Duration.ofHours(1);
    private static final Duration KEYS_MIN_REFRESH = Duration.ofSeconds(30);

    private final SecretBox secrets;
    private final Clock clock;
    private final DiscoveryCache discovery;
    private final JwksCache keys;
    private final TokenClient tokens;

    @Activate
    public OidcProvidersComponent(@Reference SecretBox secrets) {
        this(secrets, HttpJson.defaultClient(), Clock.systemUTC());
    }

    OidcProvidersComponent(SecretBox secrets, HttpClient client, Clock clock) {
        HttpJson http = new HttpJson(client);
        this.secrets = secrets;
        this.clock = clock;
        this.discovery = new DiscoveryCache(http, clock, DISCOVERY_MAX_AGE);
        this.keys = new JwksCache(http, clock, KEYS_MAX_AGE, KEYS_MIN_REFRESH);
        this.tokens = new TokenClient(http);
    }

    @Override
    public SsoProvider create(OidcSettings settings) {
        OidcSettings revealed = settings.withClientSecret(secrets.reveal(settings.clientSecret()));
        return new OidcSsoProvider(revealed, discovery, keys, tokens, clock);
    }
}
