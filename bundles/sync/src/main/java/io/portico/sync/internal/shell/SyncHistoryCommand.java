package io.portico.sync.internal.shell;

import io.portico.api.sync.SyncFailingRecord;
import io.portico.api.sync.SyncRun;
import io.portico.api.sync.SyncRunError;
import io.portico.api.sync.SyncService;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

@Service
@Command(scope = "portico", name = "sync-history", description = "Lists a record type's runs with their counts; "
        + "--errors shows one run's errors with the NetSuite record ids, --failing the records that fail to sync now")
public class SyncHistoryCommand implements Action {

    @Reference
    SyncService sync;

    @Argument(index = 0, name = "type", required = true, description = "The record type, e.g. invoice")
    String type;

    @Option(name = "-n", description = "How many runs")
    int limit = 20;

    @Option(name = "-e", aliases = "--errors", description = "Show the errors of this run id instead")
    long errorsOf;

    @Option(name = "--failing", description = "Show the records that fail to sync now (every incremental run "
            + "reads them again) instead")
    boolean failing;

    @Override
    public Object execute() {
        SyncCommands.config(sync, type);
        ShellTable table = new ShellTable();
        if (failing) {
            for (String c : new String[] {"NetSuite id", "Kind", "Attempts", "First failed", "Last failed",
                "Last error"}) {
                table.column(c);
            }
            for (SyncFailingRecord f : sync.failingRecords(type, 0, 1000)) {
                table.addRow().addContent(f.netsuiteId(), f.kind(), f.attempts(), f.firstFailedAt(),
                        f.lastFailedAt(), f.message());
            }
            table.print(System.out);
            System.out.println(sync.failingRecordCount(type) + " records of " + type + " fail to sync now.");
            return null;
        }
        if (errorsOf > 0) {
            sync.run(errorsOf).filter(r -> r.recordType().equals(type)).orElseThrow(() ->
                    new IllegalStateException("No run " + errorsOf + " of " + type + "."));
            table.column("NetSuite id");
            table.column("Kind");
            table.column("Message");
            table.column("Detail");
            for (SyncRunError e : sync.errors(errorsOf, 0, 1000)) {
                table.addRow().addContent(e.netsuiteId() == null ? "-" : e.netsuiteId(), e.kind(), e.message(),
                        e.detail() == null ? "" : e.detail());
            }
            table.print(System.out);
            return null;
        }
        for (String c : new String[] {"Run", "Mode", "Trigger", "Status", "Node", "Started", "Finished", "Read",
            "Inserted", "Updated", "Deleted", "Failed", "Pages", "Retries", "Message"}) {
            table.column(c);
        }
        for (SyncRun r : sync.runs(type, limit)) {
            table.addRow().addContent(r.id(), r.mode(), r.trigger(), r.status(), r.node(), r.startedAt(),
                    r.finishedAt() == null ? "-" : r.finishedAt(), r.recordsDone(), r.inserted(), r.updated(),
                    r.deleted(), r.failed(), r.pages(), r.retries(), r.message() == null ? "" : r.message());
        }
        table.print(System.out);
        return null;
    }
}
