package io.portico.oidc.internal;

import com.nimbusds.jose.jwk.JWK;
import io.portico.api.sso.SsoException;
import java.util.List;

/** The issuer's public keys that may have signed a token. */
@FunctionalInterface
interface KeySource {

    /** The keys with this key id, or every key when {@code keyId} is null. */
    List<JWK> keys(String keyId) throws SsoException;
}
