package io.portico.identity.internal.apitoken;

import io.portico.api.identity.AuthMethod;
import io.portico.api.identity.PortalUser;
import io.portico.api.web.ProblemException;
import io.portico.identity.internal.Actor;
import io.portico.identity.internal.Client;
import io.portico.identity.internal.audit.AuditLog;
import io.portico.identity.internal.auth.Authenticator;
import io.portico.identity.internal.crypto.Tokens;
import io.portico.identity.internal.members.Authority;
import io.portico.identity.internal.store.IdentityStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * API tokens for the operator's automation. A token acts as the admin who created it, in the operator
 * organization; it is shown once, stored as a hash, and works until it expires or is revoked. Tokens cannot create
 * tokens: that takes a person signed in.
 */
@Component(service = ApiTokens.class)
public final class ApiTokens {

    private static final int MAX_VALID_DAYS = 3650;

    private final IdentityStore store;
    private final AuditLog audit;

    @Activate
    public ApiTokens(@Reference IdentityStore store, @Reference AuditLog audit) {
        this.store = store;
        this.audit = audit;
    }

    /** A token just created: the only time {@code token} is available. */
    public record Created(ApiTokenRecord record, String token) {
    }

    public Created create(PortalUser admin, String name, Integer validDays, Client client) {
        Authority.requireOperatorAdmin(admin);
        if (admin.authMethod() == AuthMethod.API_TOKEN) {
            throw ProblemException.forbidden("API tokens cannot create API tokens; sign in as a person.");
        }
        String label = name == null ? "" : name.strip();
        if (label.isEmpty() || label.length() > 100) {
            throw ProblemException.badRequest("Name the token (at most 100 characters), e.g. \"nightly export\".");
        }
        if (validDays != null && (validDays < 1 || validDays > MAX_VALID_DAYS)) {
            throw ProblemException.badRequest("validDays must be between 1 and " + MAX_VALID_DAYS + ", or left out.");
        }
        String secret = Tokens.newToken();
        String token = Authenticator.API_TOKEN_PREFIX + secret;
        Instant expires = validDays == null ? null : Instant.now().plus(Duration.ofDays(validDays));
        ApiTokenRecord record = store.write(s -> {
            ApiTokenMapper mapper = s.getMapper(ApiTokenMapper.class);
            long id = mapper.insert(Tokens.hash(token), secret.substring(0, 8), label, admin.userId(),
                    admin.organizationId(), expires);
            audit.append(s, Actor.user(admin.userId(), admin.email()), "api_token.created", admin.organizationId(),
                    label, Map.of("tokenId", id), client);
            return mapper.findById(id);
        });
        return new Created(record, token);
    }

    public List<ApiTokenRecord> list(PortalUser admin) {
        Authority.requireOperatorAdmin(admin);
        return store.read(ApiTokenMapper.class, m -> m.list(admin.organizationId()));
    }

    public void revoke(PortalUser admin, long id, Client client) {
        Authority.requireOperatorAdmin(admin);
        store.write(s -> {
            ApiTokenMapper mapper = s.getMapper(ApiTokenMapper.class);
            ApiTokenRecord token = mapper.findById(id);
            if (token == null || token.organizationId() != admin.organizationId()) {
                throw ProblemException.notFound("No API token " + id + ".");
            }
            if (mapper.revoke(id) == 0) {
                throw ProblemException.gone("This API token was revoked already.");
            }
            audit.append(s, Actor.user(admin.userId(), admin.email()), "api_token.revoked", admin.organizationId(),
                    token.name(), Map.of("tokenId", id), client);
            return null;
        });
    }
}
