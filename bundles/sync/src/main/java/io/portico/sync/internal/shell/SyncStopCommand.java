package io.portico.sync.internal.shell;

import io.portico.api.sync.SyncRun;
import io.portico.api.sync.SyncService;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

@Service
@Command(scope = "portico", name = "sync-stop", description = "Stops a record type's run on this node after its "
        + "current pages; the next run resumes where it stopped")
public class SyncStopCommand implements Action {

    @Reference
    SyncService sync;

    @Argument(index = 0, name = "type", required = true, description = "The record type, e.g. invoice")
    String type;

    @Override
    public Object execute() {
        if (sync.stop(type)) {
            System.out.println("Stopping the sync of " + type + ".");
            return null;
        }
        SyncRun elsewhere = SyncCommands.config(sync, type).currentRun();
        throw new IllegalStateException(elsewhere == null ? "No sync of " + type + " is running."
                : "Run " + elsewhere.id() + " of " + type + " runs on node " + elsewhere.node()
                        + "; only that node can stop it.");
    }
}
