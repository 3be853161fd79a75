package io.portico.sync.internal.shell;

import io.portico.api.sync.SyncConfig;
import io.portico.api.sync.SyncService;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

@Service
@Command(scope = "portico", name = "sync-list", description = "Lists the record types' syncs: state, schedule, "
        + "filters, last and next run")
public class SyncListCommand implements Action {

    @Reference
    SyncService sync;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        table.column("Record type");
        table.column("State");
        table.column("Schedule");
        table.column("Window");
        table.column("Filters");
        table.column("On delete");
        table.column("Last run");
        table.column("Next run");
        for (SyncConfig c : sync.configs()) {
            var s = c.settings();
            String filters = (s.subsidiaryIds().isEmpty() ? "" : "subsidiaries " + s.subsidiaryIds())
                    + (s.customCondition() == null ? "" : (s.subsidiaryIds().isEmpty() ? "" : ", ") + "custom");
            String last = c.lastRun() == null ? "-" : c.lastRun().status() + " " + c.lastRun().mode() + " (run "
                    + c.lastRun().id() + ", " + c.lastRun().finishedAt() + ")";
            table.addRow().addContent(c.recordType(), c.state(), s.schedule(),
                    s.initialWindowDays() == null ? "all" : s.initialWindowDays() + " days first",
                    filters.isEmpty() ? "-" : filters, s.onDelete(), last,
                    c.nextRunAt() == null ? "-" : c.nextRunAt());
        }
        table.print(System.out);
        return null;
    }
}
