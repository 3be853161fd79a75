package io.portico.oidc.internal.flow;

import com.nimbusds.jose.util.JSONObjectUtils;
import io.portico.api.sso.SsoStart;
import io.portico.oidc.internal.RandomValues;
import java.net.URI;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

/**
 * Sign-ins in progress, in PostgreSQL so that any node can finish a sign-in another node began. Rows are found by a
 * hash of the state and deleted by their first use; expired rows are swept whenever a sign-in begins.
 */
final class PendingLogins {

    private final SqlSessionFactory sessions;
    private final Clock clock;
    private final Duration lifetime;

    /** @param sessions a session factory that knows {@link PendingLoginMapper} */
    PendingLogins(SqlSessionFactory sessions, Clock clock, Duration lifetime) {
        this.sessions = sessions;
        this.clock = clock;
        this.lifetime = lifetime;
    }

    void add(String provider, SsoStart start, String browserBinding) {
        Instant now = clock.instant();
        try (SqlSession s = sessions.openSession(true)) {
            PendingLoginMapper mapper = s.getMapper(PendingLoginMapper.class);
            mapper.deleteExpired(now);
            mapper.insert(RandomValues.sha256(start.state()), RandomValues.sha256(browserBinding), provider,
                    start.authorizationUri().toString(), start.nonce(), start.codeVerifier(),
                    start.redirectUri().toString(), start.returnTo(),
                    JSONObjectUtils.toJSONString(new HashMap<>(start.properties())), now.plus(lifetime));
        } catch (RuntimeException e) {
            throw new IllegalStateException("Cannot keep the sign-in in progress: " + e.getMessage(), e);
        }
    }

    /** Removes and returns the sign-in with this state, whether or not it has expired. */
    Optional<PendingLogin> take(String state) {
        PendingLoginMapper.Row row;
        try (SqlSession s = sessions.openSession(true)) {
            row = s.getMapper(PendingLoginMapper.class).take(RandomValues.sha256(state));
        } catch (RuntimeException e) {
            throw new IllegalStateException("Cannot read the sign-in in progress: " + e.getMessage(), e);
        }
        if (row == null) {
            return Optional.empty();
        }
        SsoStart start = new SsoStart(URI.create(row.authorizationUri()), state, row.nonce(), row.codeVerifier(),
                URI.create(row.redirectUri()), row.returnTo(), properties(row.properties()));
        return Optional.of(new PendingLogin(row.provider(), row.browserHash(), start, row.expiresAt()));
    }

    private static Map<String, String> properties(String json) {
        try {
            Map<String, String> properties = new HashMap<>();
            JSONObjectUtils.parse(json).forEach((k, v) -> properties.put(k, String.valueOf(v)));
            return properties;
        } catch (ParseException e) {
            throw new IllegalStateException("Cannot read the sign-in in progress: properties are not a JSON object",
                    e);
        }
    }
}
