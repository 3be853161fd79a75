package io.portico.sync.internal.shell;

import io.portico.api.sync.SyncException;
import io.portico.api.sync.SyncRun;
import io.portico.api.sync.SyncService;
import java.io.PrintStream;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

@Service
@Command(scope = "portico", name = "sync-run", description = "Starts a record type's sync now (incremental, or "
        + "a full load the first time); --follow draws its progress until it ends")
public class SyncRunCommand implements Action {

    @Reference
    SyncService sync;

    @Argument(index = 0, name = "type", required = true, description = "The record type, e.g. invoice")
    String type;

    @Option(name = "--full", description = "Read everything again and archive what NetSuite no longer has")
    boolean full;

    @Option(name = "-f", aliases = "--follow", description = "Draw the progress until the run ends")
    boolean follow;

    @Override
    public Object execute() throws InterruptedException {
        PrintStream out = System.out;
        SyncRun run;
        try {
            run = sync.start(type, full);
        } catch (SyncException e) {
            throw new IllegalStateException("Not started: " + e.getMessage());
        }
        out.println("Started run " + run.id() + " of " + type + " on node " + run.node() + ".");
        if (!follow) {
            out.println("Follow it with portico:sync-status " + type + ".");
            return null;
        }
        SyncRun current = run;
        while (current.running()) {
            out.print("\r" + ProgressBar.render(current, 30) + "   ");
            out.flush();
            Thread.sleep(1000);
            current = sync.run(run.id()).orElse(current);
        }
        out.println("\r" + ProgressBar.render(current, 30) + "   ");
        out.println(ProgressBar.summary(current));
        if (!"succeeded".equals(current.status())) {
            throw new IllegalStateException("Run " + current.id() + " of " + type + " " + current.status()
                    + (current.message() == null ? "." : ": " + current.message()));
        }
        return null;
    }
}
