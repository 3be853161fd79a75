package io.portico.pay.internal.shell;

import io.portico.pay.internal.WritebackState;
import io.portico.pay.internal.WritebackWorker;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

@Command(scope = "portico", name = "pay-reconcile",
        description = "Lists payments with their NetSuite write-back: pending, posted (with the customer payment's"
                + " NetSuite id), failed (with NetSuite's message) or skipped (the money went back first), and the"
                + " tries so far")
@Service
public class PayReconcileCommand implements Action {

    @Reference
    private WritebackWorker writeback;

    @Option(name = "-l", aliases = "--limit", description = "At most this many, newest first (default 100)")
    private int limit = 100;

    @Option(name = "-s", aliases = "--state", description = "Only this write-back state: pending, posted, failed or skipped")
    private String state;

    @Option(name = "-r", aliases = "--retry", description = "Retry the failed write-back with this external id"
            + " (once its cause is fixed in NetSuite)")
    private String retry;

    @Override
    public Object execute() {
        if (retry != null) {
            System.out.println(writeback.retry(retry) ? "Will be posted again shortly: " + retry
                    : "No failed write-back with external id " + retry);
            return null;
        }
        ShellTable table = new ShellTable();
        table.column("External id");
        table.column("Payment");
        table.column("Amount").alignRight();
        table.column("Write-back");
        table.column("NetSuite id");
        table.column("Tries").alignRight();
        table.column("Since");
        table.column("Last error").maxSize(80);
        for (WritebackState s : writeback.states(limit)) {
            if (state == null || state.equals(s.status())) {
                table.addRow().addContent(s.externalId(), s.paymentStatus(),
                        s.invoicesAmount().stripTrailingZeros().toPlainString() + " " + s.currency(), s.status(),
                        s.netsuiteId() == null ? "" : s.netsuiteId(), s.attempts(),
                        s.postedAt() != null ? s.postedAt() : s.createdAt(),
                        s.lastError() == null ? "" : s.lastError());
            }
        }
        table.print(System.out);
        return null;
    }
}
