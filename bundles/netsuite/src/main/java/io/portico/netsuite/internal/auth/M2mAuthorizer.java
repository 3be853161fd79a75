package io.portico.netsuite.internal.auth;

import io.portico.netsuite.internal.http.RequestAuthorizer;
import java.net.URI;
import java.time.Clock;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Authorizes requests with an OAuth 2.0 bearer token from the client credentials flow. The token is cached until
 * shortly before it expires; when it must be replaced, one caller fetches the new one and the others wait for it.
 */
public final class M2mAuthorizer implements RequestAuthorizer {

    private static final String BEARER = "Bearer ";

    private final ClientAssertion assertion;
    private final TokenEndpoint endpoint;
    private final Clock clock;
    private final ReentrantLock refresh = new ReentrantLock();
    private volatile AccessToken current;

    public M2mAuthorizer(ClientAssertion assertion, TokenEndpoint endpoint, Clock clock) {
        this.assertion = assertion;
        this.endpoint = endpoint;
        this.clock = clock;
    }

    @Override
    public String authorization(String method, URI uri) {
        return BEARER + token().value();
    }

    /** Forgets the token a 401 answered, unless another caller has replaced it already. */
    @Override
    public boolean discardCredentials(String rejected) {
        AccessToken token = current;
        if (token != null && rejected.equals(BEARER + token.value())) {
            current = null;
        }
        return true;
    }

    AccessToken token() {
        AccessToken token = current;
        if (token != null && token.isFreshAt(clock.instant())) {
            return token;
        }
        refresh.lock();
        try {
            token = current;
            if (token == null || !token.isFreshAt(clock.instant())) {
                token = endpoint.requestToken(assertion.create(clock.instant()));
                current = token;
            }
            return token;
        } finally {
            refresh.unlock();
        }
    }
}
