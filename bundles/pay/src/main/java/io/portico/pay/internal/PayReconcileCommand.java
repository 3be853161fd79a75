package io.portico.pay.internal;

import io.portico.api.identity.Organizations;
import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

@Command(scope = "portico", name = "pay-reconcile",
        description = "Lists payments with their NetSuite write-back: pending, posted (with the customer payment's"
                + " NetSuite id), failed (with NetSuite's message), resolved by hand, or skipped (the money went back"
                + " first), and the tries so far; --retry and --resolve act on a failed one")
@Service
public class PayReconcileCommand implements Action {

    @Reference
    private Reconciliation reconciliation;

    @Reference
    private Organizations organizations;

    @Option(name = "-l", aliases = "--limit", description = "At most this many, newest first (default 100, up to 200)")
    private String limit = "100";

    @Option(name = "-s", aliases = "--state",
            description = "Only this write-back state: pending, posted, failed, resolved or skipped")
    private String state;

    @Option(name = "-c", aliases = "--customer", description = "Only this customer organization's payments (its id)")
    private String customer;

    @Option(name = "-r", aliases = "--retry", description = "Retry the failed write-back with this external id"
            + " (once its cause is fixed in NetSuite)")
    private String retry;

    @Option(name = "--resolve", description = "Mark the failed write-back with this external id resolved: the"
            + " customer payment was made in NetSuite by hand (say how in NOTE)")
    private String resolve;

    @Argument(index = 0, name = "note", description = "With --resolve: what was done in NetSuite", multiValued = true)
    private List<String> note;

    @Override
    public Object execute() {
        PayActor console = new PayActor(organizations.operator().id(), null, "console");
        if (retry != null) {
            WritebackRow row = PayShell.call(() -> reconciliation.retry(console, retry));
            System.out.println("Will be posted again shortly: " + row.externalId());
            return null;
        }
        if (resolve != null) {
            String text = note == null ? null : String.join(" ", note);
            WritebackRow row = PayShell.call(() -> reconciliation.resolve(console, resolve, text));
            System.out.println("Marked resolved: " + row.externalId() + " (" + row.resolutionNote() + ")");
            return null;
        }
        WritebackFilter filter = PayShell.call(() -> Reconciliation.filter(console.tenantId(), state, customer, null, null,
                null, limit));
        ShellTable table = new ShellTable();
        table.column("External id");
        table.column("Customer").maxSize(30);
        table.column("Payment");
        table.column("Amount").alignRight();
        table.column("Write-back");
        table.column("NetSuite id");
        table.column("Tries").alignRight();
        table.column("Since");
        table.column("Last error or note").maxSize(80);
        for (WritebackRow r : reconciliation.list(filter).rows()) {
            table.addRow().addContent(r.externalId(), r.organizationName(), r.paymentStatus(),
                    r.invoicesAmount().stripTrailingZeros().toPlainString() + " " + r.currency(), r.state(),
                    r.netsuiteId() == null ? "" : r.netsuiteId(), r.attempts(),
                    r.resolvedAt() != null ? r.resolvedAt() : r.postedAt() != null ? r.postedAt() : r.createdAt(),
                    r.resolvedAt() != null ? r.resolvedBy() + ": " + r.resolutionNote()
                            : r.lastError() == null ? "" : r.lastError());
        }
        table.print(System.out);
        return null;
    }
}
