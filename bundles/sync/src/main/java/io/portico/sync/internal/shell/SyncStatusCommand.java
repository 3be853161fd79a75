package io.portico.sync.internal.shell;

import io.portico.api.sync.SyncConfig;
import io.portico.api.sync.SyncService;
import java.io.PrintStream;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

@Service
@Command(scope = "portico", name = "sync-status", description = "Shows each sync's running progress (phase, "
        + "records done of the estimate, rate, ETA) or its last run")
public class SyncStatusCommand implements Action {

    @Reference
    SyncService sync;

    @Argument(index = 0, name = "type", required = false, description = "Only this record type")
    String type;

    @Override
    public Object execute() {
        PrintStream out = System.out;
        if (type != null) {
            SyncCommands.config(sync, type);
        }
        for (SyncConfig c : sync.configs()) {
            if (type != null && !type.equals(c.recordType())) {
                continue;
            }
            String name = String.format("%-16s", c.recordType());
            if (c.currentRun() != null) {
                out.println(name + ProgressBar.render(c.currentRun(), 30) + "  (run " + c.currentRun().id() + " "
                        + c.currentRun().mode() + " on " + c.currentRun().node() + ")");
            } else if (c.lastRun() != null) {
                out.println(name + c.state() + "; last " + ProgressBar.summary(c.lastRun()));
            } else {
                out.println(name + c.state() + "; never run");
            }
        }
        return null;
    }
}
