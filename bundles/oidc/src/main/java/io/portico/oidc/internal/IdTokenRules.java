package io.portico.oidc.internal;

import java.time.Duration;
import java.util.Set;

/**
 * What an ID token's claims must say for one sign-in.
 *
 * @param issuer the expected issuer; a multi-tenant issuer contains {@code {tenantid}}, which must equal the token's
 *         own tenant ({@code tid})
 * @param issuerAliases other accepted spellings of a single-tenant issuer
 * @param clientId this application's client id: the audience and the authorized party
 * @param nonce the nonce sent with this sign-in's authorization request
 * @param allowedTenants lower-case tenant ids allowed to sign in; empty allows all
 * @param clockSkew tolerance for the issuer's clock
 */
record IdTokenRules(String issuer, Set<String> issuerAliases, String clientId, String nonce,
        Set<String> allowedTenants, Duration clockSkew) {
}
