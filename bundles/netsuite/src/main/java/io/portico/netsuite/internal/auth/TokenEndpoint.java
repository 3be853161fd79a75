package io.portico.netsuite.internal.auth;

/** Where a client assertion is exchanged for an access token. */
@FunctionalInterface
public interface TokenEndpoint {

    AccessToken requestToken(String clientAssertion);
}
