package io.portico.sync.internal.engine;

import io.portico.api.recordtype.RecordType;
import io.portico.netsuite.NetSuiteException;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Whether a run may go on: it stops before its next page when asked to (an administrator, the node shutting down, a
 * lost lease, a failed slice) or when its record-type plugin stopped or was replaced.
 */
final class RunControl {

    /** Why a run stops early, on request. */
    static final class Stopped extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Stopped(String reason) {
            super(reason);
        }
    }

    private final String recordType;
    private final RecordType type;
    private final Supplier<Optional<RecordType>> currentType;
    private volatile String stopReason;

    RunControl(String recordType, RecordType type, Supplier<Optional<RecordType>> currentType) {
        this.recordType = recordType;
        this.type = type;
        this.currentType = currentType;
    }

    /** Asks the run to stop before its next page; what is committed stays and the next run resumes. */
    void requestStop(String reason) {
        if (stopReason == null) {
            stopReason = reason;
        }
    }

    /** @throws Stopped when the run is to stop */
    void checkStop() {
        String reason = stopReason;
        if (reason != null) {
            throw new Stopped(reason);
        }
        Optional<RecordType> current = currentType.get();
        if (current.isEmpty() || current.get() != type) {
            requestStop("the record-type plugin '" + recordType + "' stopped; the next run resumes");
            throw new Stopped(stopReason);
        }
    }

    /** A failure in words for the run's history: NetSuite's message, or the exception's. */
    static String describe(Throwable e) {
        if (e instanceof NetSuiteException ns) {
            return "NetSuite: " + ns.getMessage();
        }
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m;
    }
}
