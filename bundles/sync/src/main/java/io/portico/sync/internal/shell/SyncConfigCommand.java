package io.portico.sync.internal.shell;

import io.portico.api.sync.SyncConfig;
import io.portico.api.sync.SyncException;
import io.portico.api.sync.SyncService;
import io.portico.api.sync.SyncSettings;
import java.util.Arrays;
import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

@Service
@Command(scope = "portico", name = "sync-config", description = "Shows or changes a record type's sync "
        + "configuration; options not given keep their values")
public class SyncConfigCommand implements Action {

    @Reference
    SyncService sync;

    @Argument(index = 0, name = "type", required = true, description = "The record type, e.g. invoice")
    String type;

    @Option(name = "--enable", description = "Sync this record type")
    boolean enable;

    @Option(name = "--disable", description = "Do not sync this record type at all")
    boolean disable;

    @Option(name = "--pause", description = "Suspend the schedule")
    boolean pause;

    @Option(name = "--resume", description = "Resume the schedule")
    boolean resume;

    @Option(name = "-s", aliases = "--schedule", description = "manual, 5m, 15m, 30m, hourly, 6h, 12h, daily, "
            + "weekly, or a cron expression such as \"0 2 * * 1-5\" (UTC)")
    String schedule;

    @Option(name = "--window", description = "Days the first full load takes first (0: everything at once)")
    Integer windowDays;

    @Option(name = "--subsidiaries", description = "Comma-separated NetSuite subsidiary ids (empty: all)")
    String subsidiaries;

    @Option(name = "--condition", description = "A SuiteQL condition ANDed to the query (empty: none)")
    String condition;

    @Option(name = "--on-delete", description = "archive or delete")
    String onDelete;

    @Option(name = "--parallelism", description = "Id slices a full load reads at once")
    Integer parallelism;

    @Override
    public Object execute() {
        SyncSettings s = SyncCommands.config(sync, type).settings();
        boolean change = enable || disable || pause || resume || schedule != null || windowDays != null
                || subsidiaries != null || condition != null || onDelete != null || parallelism != null;
        if (change) {
            List<Long> ids = subsidiaries == null ? s.subsidiaryIds() : subsidiaryIds(subsidiaries);
            s = new SyncSettings(enable || (s.enabled() && !disable), pause || (s.paused() && !resume),
                    schedule == null ? s.schedule() : schedule,
                    windowDays == null ? s.initialWindowDays() : windowDays == 0 ? null : windowDays, ids,
                    condition == null ? s.customCondition() : condition, onDelete == null ? s.onDelete() : onDelete,
                    s.overlapSeconds(), s.pageSize(), parallelism == null ? s.parallelism() : parallelism);
            try {
                sync.configure(type, s);
            } catch (SyncException e) {
                throw new IllegalStateException("Not changed: " + e.getMessage());
            }
        }
        SyncConfig c = SyncCommands.config(sync, type);
        SyncSettings now = c.settings();
        System.out.println("Record type:   " + c.recordType() + " (" + c.state() + ")");
        System.out.println("Enabled:       " + now.enabled() + (now.paused() ? ", schedule paused" : ""));
        System.out.println("Schedule:      " + now.schedule() + (c.nextRunAt() == null ? "" : ", next " + c.nextRunAt()));
        System.out.println("First load:    " + (now.initialWindowDays() == null ? "everything at once"
                : "last " + now.initialWindowDays() + " days first, then the history"));
        System.out.println("Subsidiaries:  " + (now.subsidiaryIds().isEmpty() ? "all" : now.subsidiaryIds()));
        System.out.println("Condition:     " + (now.customCondition() == null ? "-" : now.customCondition())
                + (c.queryAlias() == null ? "" : "   (the record's table is '" + c.queryAlias() + "')"));
        System.out.println("On delete:     " + now.onDelete());
        System.out.println("Watermark:     " + (c.watermark() == null ? "-" : c.watermark() + " (NetSuite time)"));
        return null;
    }

    private static List<Long> subsidiaryIds(String text) {
        try {
            return text.isBlank() ? List.of()
                    : Arrays.stream(text.split(",")).map(String::strip).map(Long::valueOf).toList();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--subsidiaries takes NetSuite ids (numbers) separated by commas, "
                    + "not " + text);
        }
    }
}
