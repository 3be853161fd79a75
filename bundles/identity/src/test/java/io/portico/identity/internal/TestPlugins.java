package io.portico.identity.internal;

import io.portico.api.plugin.PluginInfo;
import io.portico.api.plugin.PluginRegistry;
import io.portico.api.sso.SsoProvider;
import io.portico.api.sso.SsoStart;
import io.portico.api.sso.SsoRequest;
import io.portico.api.sso.SsoCallback;
import io.portico.api.sso.SsoIdentity;
import java.util.List;
import java.util.Optional;

/**
 * A plugin registry with one SSO provider, so the sign-in page shows its button, and the label of one record type,
 * {@code creditmemo}, as its plugin would give it.
 */
public final class TestPlugins implements PluginRegistry {

    private static final SsoProvider EXAMPLE = new SsoProvider() {
        @Override
        public String buttonLabel() {
            return "Sign in with Example";
        }

        @Override
        public SsoStart begin(SsoRequest request) {
            throw new UnsupportedOperationException();
        }

        @Override
        public SsoIdentity complete(SsoCallback callback, SsoStart start) {
            throw new UnsupportedOperationException();
        }
    };

    @Override
    public List<PluginInfo> plugins() {
        return List.of();
    }

    @Override
    public <S> Optional<S> find(Class<S> spi, String name) {
        return spi == SsoProvider.class && "example".equals(name) ? Optional.of(spi.cast(EXAMPLE)) : Optional.empty();
    }

    @Override
    public <S> List<String> names(Class<S> spi) {
        return spi == SsoProvider.class ? List.of("example") : List.of();
    }

    @Override
    public String recordTypeLabel(String name) {
        return "creditmemo".equals(name) ? "Credit memos" : name;
    }
}
