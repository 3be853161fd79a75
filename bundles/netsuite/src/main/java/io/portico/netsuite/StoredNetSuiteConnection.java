package io.portico.netsuite;

import java.util.Optional;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Where the connection an operator admin saved in the browser is kept (Settings &gt; NetSuite registers one). The
 * client reads it again every few seconds, so a connection saved on one node reaches every node without a restart;
 * {@code etc/io.portico.netsuite.cfg}, when present, wins over it.
 *
 * @since 1.4
 */
@ConsumerType
public interface StoredNetSuiteConnection {

    /** The saved connection, secrets sealed; empty while none is saved. */
    Optional<NetSuiteConnection> connection();
}
