package io.portico.netsuite.internal;

import io.portico.api.secrets.SecretBox;
import io.portico.netsuite.ConnectionCheck;
import io.portico.netsuite.InvalidConnectionException;
import io.portico.netsuite.NetSuiteConnection;
import io.portico.netsuite.internal.config.ClientSettings;
import io.portico.netsuite.internal.config.NetSuiteConfigs;
import java.util.Objects;

/** A connection entered in the browser checked as the client will use it, and called before it is used. */
final class ConnectionChecks {

    private ConnectionChecks() {
    }

    /**
     * The connection's client settings, retries and timeouts at their defaults.
     *
     * @throws InvalidConnectionException naming the property (each check's message names it first)
     */
    static ClientSettings settings(NetSuiteConnection connection, SecretBox secrets) {
        try {
            return ClientSettings.from(NetSuiteConfigs.of(connection.properties()), secrets);
        } catch (InvalidConnectionException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            String message = Objects.requireNonNullElse(e.getMessage(), "accountId is not valid");
            throw new InvalidConnectionException(message.split("[ ']", 2)[0], message);
        }
    }

    /** Runs {@link ConnectionCheck} with a client of its own for the connection, closed after. */
    static ConnectionCheck check(NetSuiteConnection connection, SecretBox secrets) {
        try (DefaultNetSuiteClient client = new DefaultNetSuiteClient(settings(connection, secrets))) {
            return ConnectionCheck.run(client, ConnectionCheck.DEFAULT_QUERY);
        }
    }
}
