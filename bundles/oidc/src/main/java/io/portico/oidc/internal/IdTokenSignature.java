package io.portico.oidc.internal;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.portico.api.sso.SsoException;
import io.portico.api.sso.SsoException.Reason;
import java.text.ParseException;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks that an ID token is a JWS signed with one of the issuer's published keys, with an asymmetric algorithm the
 * issuer offers. Symmetric ({@code HS*}) and unsigned ({@code none}) tokens are refused outright: with them anyone
 * who knows the client secret, or nobody at all, could mint a token.
 */
final class IdTokenSignature {

    static final Set<JWSAlgorithm> ASYMMETRIC = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512,
            JWSAlgorithm.PS256, JWSAlgorithm.PS384, JWSAlgorithm.PS512, JWSAlgorithm.ES256, JWSAlgorithm.ES384,
            JWSAlgorithm.ES512);

    private IdTokenSignature() {
    }

    /** The algorithms to accept: the asymmetric ones the issuer says it uses, or all of them if it does not say. */
    static Set<JWSAlgorithm> accepted(List<String> offeredByIssuer) {
        Set<JWSAlgorithm> offered = offeredByIssuer.stream().map(JWSAlgorithm::parse)
                .filter(ASYMMETRIC::contains).collect(Collectors.toUnmodifiableSet());
        return offered.isEmpty() ? ASYMMETRIC : offered;
    }

    /** Verifies the signature and returns the token's claims. */
    static JWTClaimsSet verify(String idToken, Set<JWSAlgorithm> accepted, KeySource keySource) throws SsoException {
        SignedJWT jwt;
        try {
            jwt = SignedJWT.parse(idToken);
        } catch (ParseException e) {
            throw new SsoException(Reason.INVALID_TOKEN, "The ID token is not a signed JWT: " + e.getMessage());
        }
        JWSAlgorithm alg = jwt.getHeader().getAlgorithm();
        if (!accepted.contains(alg)) {
            throw new SsoException(Reason.INVALID_TOKEN,
                    "The ID token is signed with " + alg + ", which this sign-in does not accept");
        }
        String keyId = jwt.getHeader().getKeyID();
        List<JWK> candidates = keySource.keys(keyId).stream().filter(k -> usableFor(k, alg)).toList();
        if (candidates.isEmpty()) {
            throw new SsoException(Reason.BAD_SIGNATURE, keyId == null
                    ? "The ID token names no key, and the identity provider publishes no " + alg + " key"
                    : "The ID token is signed with key '" + keyId + "', which the identity provider does not publish");
        }
        for (JWK key : candidates) {
            if (verifies(jwt, key)) {
                try {
                    return jwt.getJWTClaimsSet();
                } catch (ParseException e) {
                    throw new SsoException(Reason.INVALID_TOKEN, "The ID token's claims are not valid JSON");
                }
            }
        }
        throw new SsoException(Reason.BAD_SIGNATURE, "The ID token's signature does not verify with the identity"
                + " provider's key" + (keyId == null ? "s" : " '" + keyId + "'") + ": it was altered or forged");
    }

    private static boolean usableFor(JWK key, JWSAlgorithm alg) {
        if (key.getKeyUse() != null && !KeyUse.SIGNATURE.equals(key.getKeyUse())) {
            return false;
        }
        if (key.getAlgorithm() != null && !key.getAlgorithm().equals(alg)) {
            return false;
        }
        return key instanceof RSAKey ? JWSAlgorithm.Family.RSA.contains(alg)
                : key instanceof ECKey && JWSAlgorithm.Family.EC.contains(alg);
    }

    private static boolean verifies(SignedJWT jwt, JWK key) {
        try {
            JWSVerifier verifier = key instanceof RSAKey rsa ? new RSASSAVerifier(rsa) : new ECDSAVerifier((ECKey) key);
            return jwt.verify(verifier);
        } catch (JOSEException e) {
            // A key of the wrong size or curve for this algorithm simply does not verify.
            return false;
        }
    }
}
