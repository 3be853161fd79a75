package io.portico.netsuite;

import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Which connection the {@link NetSuiteClient} uses and the check of a connection before it is used: the service
 * behind Settings &gt; NetSuite. The configuration file {@code etc/io.portico.netsuite.cfg} (PID
 * {@code io.portico.netsuite}) wins over a connection saved in the browser ({@link StoredNetSuiteConnection}).
 *
 * @since 1.4
 */
@ProviderType
public interface NetSuiteConnections {

    /** Where the connection in use comes from. */
    enum Source {
        /** {@code etc/io.portico.netsuite.cfg}: it wins, the browser's settings are not used. */
        FILE,
        /** The connection saved in Settings &gt; NetSuite. */
        SETTINGS,
        /** No connection yet. */
        NONE
    }

    Source source();

    /** The account the client talks to now; empty while none is connected (or the one set up is not valid). */
    Optional<NetSuiteAccount> account();

    /** Why the connection of {@link #source()} could not be used (a file or saved connection that is not valid). */
    Optional<String> problem();

    /**
     * Checks a connection's values without calling NetSuite.
     *
     * @throws InvalidConnectionException naming the first property that is missing or not valid
     */
    void validate(NetSuiteConnection connection);

    /**
     * Calls NetSuite with a connection that is not in use yet, as {@code portico:netsuite-test} does with the one in
     * use; the connection in use is left alone whatever the outcome.
     *
     * @throws InvalidConnectionException naming the first property that is missing or not valid
     */
    ConnectionCheck check(NetSuiteConnection connection);

    /** The same check of the connection in use; empty while none is. */
    Optional<ConnectionCheck> checkInUse();
}
