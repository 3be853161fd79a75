package io.portico.sync.internal.shell;

import io.portico.api.sync.SyncConfig;
import io.portico.api.sync.SyncService;

/**
 * What the sync commands share. A command that refuses or fails throws from {@code execute()}: Karaf prints the
 * message and the ssh or batch client ({@code ./portico console}) exits non-zero, so scripts can rely on the status.
 */
final class SyncCommands {

    private SyncCommands() {
    }

    /** The record type's configuration (a running plugin's defaults when unconfigured); fails for an unknown name. */
    static SyncConfig config(SyncService sync, String type) {
        return sync.config(type).orElseThrow(() -> new IllegalStateException("No record type " + type
                + " is configured or running; portico:sync-list shows them."));
    }
}
