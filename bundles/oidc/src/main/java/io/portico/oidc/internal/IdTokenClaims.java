package io.portico.oidc.internal;

import com.nimbusds.jwt.JWTClaimsSet;
import io.portico.api.sso.SsoException;
import io.portico.api.sso.SsoException.Reason;
import io.portico.oidc.OidcSettings;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** The ID token claim checks of OpenID Connect Core 3.1.3.7, plus Microsoft Entra ID's multi-tenant issuers. */
final class IdTokenClaims {

    /** Entra tenant ids are GUIDs; anything else must not be spliced into an issuer address. */
    private static final Pattern TENANT_ID = Pattern.compile("[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}");

    private IdTokenClaims() {
    }

    static void check(JWTClaimsSet claims, IdTokenRules rules, Instant now) throws SsoException {
        checkIssuer(claims, rules);
        checkAudience(claims, rules.clientId());
        checkTimes(claims, rules, now);
        checkNonce(claims, rules.nonce());
        if (claims.getSubject() == null || claims.getSubject().isBlank()) {
            throw new SsoException(Reason.INVALID_TOKEN, "The ID token names no subject (sub)");
        }
        checkTenant(claims, rules);
    }

    private static void checkIssuer(JWTClaimsSet claims, IdTokenRules rules) throws SsoException {
        String issuer = claims.getIssuer();
        if (issuer == null) {
            throw new SsoException(Reason.INVALID_TOKEN, "The ID token names no issuer (iss)");
        }
        if (rules.issuer().contains(OidcSettings.TENANT_PLACEHOLDER)) {
            String tenant = string(claims, "tid");
            if (tenant == null || !TENANT_ID.matcher(tenant).matches()) {
                throw new SsoException(Reason.INVALID_TOKEN,
                        "The ID token has no valid tenant id (tid) to check its issuer against");
            }
            String expected = rules.issuer().replace(OidcSettings.TENANT_PLACEHOLDER, tenant);
            if (!issuer.equals(expected)) {
                throw new SsoException(Reason.WRONG_ISSUER, "The ID token was issued by '" + issuer
                        + "', but tokens of its tenant " + tenant + " are issued by '" + expected + "'");
            }
        } else if (!issuer.equals(rules.issuer()) && !rules.issuerAliases().contains(issuer)) {
            throw new SsoException(Reason.WRONG_ISSUER,
                    "The ID token was issued by '" + issuer + "', not by '" + rules.issuer() + "'");
        }
    }

    private static void checkAudience(JWTClaimsSet claims, String clientId) throws SsoException {
        List<String> audience = claims.getAudience();
        if (!audience.contains(clientId)) {
            throw new SsoException(Reason.WRONG_AUDIENCE, "The ID token is meant for " + audience
                    + ", not for this application (client id " + clientId + ")");
        }
        String authorizedParty = string(claims, "azp");
        if (authorizedParty != null && !authorizedParty.equals(clientId)) {
            throw new SsoException(Reason.WRONG_AUDIENCE, "The ID token was obtained by '" + authorizedParty
                    + "' (azp), not by this application (client id " + clientId + ")");
        }
        if (authorizedParty == null && audience.size() > 1) {
            throw new SsoException(Reason.WRONG_AUDIENCE,
                    "The ID token has several audiences but does not say which one obtained it (azp)");
        }
    }

    private static void checkTimes(JWTClaimsSet claims, IdTokenRules rules, Instant now) throws SsoException {
        Date expires = claims.getExpirationTime();
        Date issued = claims.getIssueTime();
        if (expires == null || issued == null) {
            throw new SsoException(Reason.INVALID_TOKEN, "The ID token lacks its expiry (exp) or issue time (iat)");
        }
        Instant latest = now.plus(rules.clockSkew());
        Instant earliest = now.minus(rules.clockSkew());
        if (expires.toInstant().isBefore(earliest)) {
            throw new SsoException(Reason.EXPIRED,
                    "The ID token expired at " + expires.toInstant() + " (it is now " + now + ")");
        }
        if (issued.toInstant().isAfter(latest)) {
            throw new SsoException(Reason.EXPIRED,
                    "The ID token claims to be issued at " + issued.toInstant() + ", in the future (it is now " + now + ")");
        }
        Date notBefore = claims.getNotBeforeTime();
        if (notBefore != null && notBefore.toInstant().isAfter(latest)) {
            throw new SsoException(Reason.EXPIRED,
                    "The ID token is not valid before " + notBefore.toInstant() + " (it is now " + now + ")");
        }
    }

    private static void checkNonce(JWTClaimsSet claims, String expected) throws SsoException {
        if (!RandomValues.same(string(claims, "nonce"), expected)) {
            throw new SsoException(Reason.WRONG_NONCE, "The ID token's nonce does not match this sign-in:"
                    + " the token was issued for another sign-in (replayed or injected)");
        }
    }

    private static void checkTenant(JWTClaimsSet claims, IdTokenRules rules) throws SsoException {
        if (rules.allowedTenants().isEmpty()) {
            return;
        }
        String tenant = string(claims, "tid");
        if (tenant == null || !rules.allowedTenants().contains(tenant.toLowerCase(Locale.ROOT))) {
            throw new SsoException(Reason.TENANT_NOT_ALLOWED, "Accounts of organization (tenant) "
                    + (tenant == null ? "unknown" : tenant) + " may not sign in here");
        }
    }

    static String string(JWTClaimsSet claims, String name) {
        return claims.getClaim(name) instanceof String s ? s : null;
    }
}
