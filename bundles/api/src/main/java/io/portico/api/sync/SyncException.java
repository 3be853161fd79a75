package io.portico.api.sync;

/** A sync request that cannot be carried out now; the message says why, for an administrator. */
public class SyncException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final Reason reason;

    public SyncException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    public enum Reason {
        /** No record-type plugin of that name is running. */
        UNKNOWN_RECORD_TYPE,
        /** The configuration is disabled. */
        DISABLED,
        /** A run of the configuration is already going on (on this node or another). */
        ALREADY_RUNNING,
        /** No NetSuite account is configured. */
        NETSUITE_NOT_CONFIGURED,
        /** The settings are invalid. */
        INVALID_SETTINGS,
        /** The database is not available. */
        UNAVAILABLE
    }
}
