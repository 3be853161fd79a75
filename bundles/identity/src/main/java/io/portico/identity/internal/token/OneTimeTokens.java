package io.portico.identity.internal.token;

import io.portico.api.identity.Role;
import io.portico.api.web.ProblemException;
import io.portico.identity.internal.crypto.Tokens;
import io.portico.identity.internal.store.IdentityStore;
import java.time.Duration;
import java.time.Instant;
import org.apache.ibatis.session.SqlSession;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Single-use emailed links. A link is checked when its page opens and consumed atomically when its form is
 * submitted, so a mail scanner that follows links uses nothing up, and two submissions cannot both succeed.
 */
@Component(service = OneTimeTokens.class)
public final class OneTimeTokens {

    public static final String INVITE = "invite";
    public static final String RESET = "reset";
    public static final String VERIFY = "verify";

    private final IdentityStore store;

    @Activate
    public OneTimeTokens(@Reference IdentityStore store) {
        this.store = store;
    }

    /** A link just issued: its row id, and its token, which exists in the clear only until it is emailed. */
    public record Issued(long id, String token) {
    }

    /** Issues a link's token inside the caller's transaction. */
    public Issued issue(SqlSession session, String purpose, String email, Long userId, Long organizationId, Role role,
            Long createdBy, Duration validity) {
        String token = Tokens.newToken();
        long id = session.getMapper(OneTimeTokenMapper.class).insert(Tokens.hash(token), purpose, email, userId,
                organizationId, role, createdBy, Math.max(1, validity.toMinutes()));
        return new Issued(id, token);
    }

    /**
     * The open token for a link.
     *
     * @throws io.portico.api.web.ProblemException saying why the link does not work: unknown (404), or used,
     *         withdrawn or expired (410)
     */
    public OneTimeTokenRecord open(String token, String purpose) {
        OneTimeTokenRecord record = Tokens.wellFormed(token)
                ? store.read(OneTimeTokenMapper.class, m -> m.findByHash(Tokens.hash(token)))
                : null;
        return check(record, purpose);
    }

    /** Consumes the token inside the caller's transaction, failing if it was used meanwhile. */
    public OneTimeTokenRecord consume(SqlSession session, String token, String purpose) {
        OneTimeTokenMapper mapper = session.getMapper(OneTimeTokenMapper.class);
        OneTimeTokenRecord record = Tokens.wellFormed(token) ? mapper.findByHash(Tokens.hash(token)) : null;
        check(record, purpose);
        if (mapper.consume(record.id()) == 0) {
            throw ProblemException.gone("This link has already been used.");
        }
        return record;
    }

    private static OneTimeTokenRecord check(OneTimeTokenRecord record, String purpose) {
        if (record == null || !record.purpose().equals(purpose)) {
            throw ProblemException.notFound("This link is not valid. Check that you copied all of it.");
        }
        if (record.usedAt() != null) {
            throw ProblemException.gone("This link has already been used.");
        }
        if (record.revokedAt() != null) {
            throw ProblemException.gone("This link was withdrawn or replaced by a newer one. Use the latest email.");
        }
        if (!record.expiresAt().isAfter(Instant.now())) {
            throw ProblemException.gone("This link has expired. Ask for a new one.");
        }
        return record;
    }
}
