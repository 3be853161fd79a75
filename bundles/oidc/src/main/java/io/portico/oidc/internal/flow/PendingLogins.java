package io.portico.oidc.internal.flow;

import com.nimbusds.jose.util.JSONObjectUtils;
import io.portico.api.sso.SsoStart;
import io.portico.oidc.internal.RandomValues;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Sign-ins in progress, in PostgreSQL so that any node can finish a sign-in another node began. Rows are found by a
 * hash of the state and deleted by their first use; expired rows are swept whenever a sign-in begins.
 */
final class PendingLogins {

    private final DataSource dataSource;
    private final Clock clock;
    private final Duration lifetime;

    PendingLogins(DataSource dataSource, Clock clock, Duration lifetime) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.lifetime = lifetime;
    }

    void add(String provider, SsoStart start, String browserBinding) {
        Instant now = clock.instant();
        try (Connection c = dataSource.getConnection();
             PreparedStatement sweep = c.prepareStatement("DELETE FROM sso_pending_login WHERE expires_at < ?");
             PreparedStatement insert = c.prepareStatement("""
                     INSERT INTO sso_pending_login (state_hash, browser_hash, provider, authorization_uri, nonce,
                         code_verifier, redirect_uri, return_to, properties, expires_at)
                     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?)""")) {
            sweep.setTimestamp(1, Timestamp.from(now));
            sweep.executeUpdate();
            insert.setBytes(1, RandomValues.sha256(start.state()));
            insert.setBytes(2, RandomValues.sha256(browserBinding));
            insert.setString(3, provider);
            insert.setString(4, start.authorizationUri().toString());
            insert.setString(5, start.nonce());
            insert.setString(6, start.codeVerifier());
            insert.setString(7, start.redirectUri().toString());
            insert.setString(8, start.returnTo());
            insert.setString(9, JSONObjectUtils.toJSONString(new HashMap<>(start.properties())));
            insert.setTimestamp(10, Timestamp.from(now.plus(lifetime)));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot keep the sign-in in progress: " + e.getMessage(), e);
        }
    }

    /** Removes and returns the sign-in with this state, whether or not it has expired. */
    Optional<PendingLogin> take(String state) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement delete = c.prepareStatement("""
                     DELETE FROM sso_pending_login WHERE state_hash = ?
                     RETURNING browser_hash, provider, authorization_uri, nonce, code_verifier, redirect_uri,
                         return_to, properties::text, expires_at""")) {
            delete.setBytes(1, RandomValues.sha256(state));
            try (ResultSet rs = delete.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                SsoStart start = new SsoStart(URI.create(rs.getString("authorization_uri")), state,
                        rs.getString("nonce"), rs.getString("code_verifier"), URI.create(rs.getString("redirect_uri")),
                        rs.getString("return_to"), properties(rs.getString("properties")));
                return Optional.of(new PendingLogin(rs.getString("provider"), rs.getBytes("browser_hash"), start,
                        rs.getTimestamp("expires_at").toInstant()));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the sign-in in progress: " + e.getMessage(), e);
        }
    }

    private static Map<String, String> properties(String json) throws SQLException {
        try {
            Map<String, String> properties = new HashMap<>();
            JSONObjectUtils.parse(json).forEach((k, v) -> properties.put(k, String.valueOf(v)));
            return properties;
        } catch (ParseException e) {
            throw new SQLException("properties are not a JSON object", e);
        }
    }
}
