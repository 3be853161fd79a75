package io.portico.netsuite.internal.config;

import io.portico.netsuite.internal.auth.JwsAlgorithm;
import java.security.PrivateKey;
import java.util.List;
import java.util.Objects;

/** What the OAuth 2.0 client credentials flow signs its JWT assertion with. */
public record M2mCredentials(String clientId, String certificateId, PrivateKey privateKey, JwsAlgorithm algorithm,
                             List<String> scopes) {

    public M2mCredentials {
        Required.text(clientId, "clientId");
        Required.text(certificateId, "certificateId");
        Objects.requireNonNull(privateKey, "privateKey");
        Objects.requireNonNull(algorithm, "algorithm");
        scopes = List.copyOf(scopes);
        if (scopes.isEmpty()) {
            throw new IllegalArgumentException("scopes is empty; NetSuite needs e.g. rest_webservices");
        }
    }

    @Override
    public String toString() {
        return "M2mCredentials[clientId=" + clientId + ", certificateId=" + certificateId + ", algorithm="
                + algorithm + ", scopes=" + scopes + ", private key hidden]";
    }
}
