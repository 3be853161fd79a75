package io.portico.pay.internal;

import io.portico.api.identity.DataScope;
import io.portico.api.identity.Organizations;
import io.portico.api.web.ProblemException;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

@Command(scope = "portico", name = "pay-list", description = "Lists the payments made in Portico, newest first")
@Service
public class PayListCommand implements Action {

    @Reference
    private PayCore core;

    @Reference
    private Organizations organizations;

    @Option(name = "-s", aliases = "--status", description = "Only payments in this status (succeeded, refunded, …)")
    private String status;

    @Option(name = "-c", aliases = "--customer", description = "Only this customer's (Portico organization id)")
    private String customer;

    @Option(name = "-l", aliases = "--limit", description = "At most this many (default 50, at most 200)")
    private String limit;

    @Override
    public Object execute() {
        DataScope tenant = new DataScope(organizations.operator().id(), null);
        PaymentFilter filter = PayShell.call(() -> PaymentsAccess.filter(tenant, customer, status,
                null, null, null, limit));
        PaymentsQuery.Page page = core.payments().list(filter);
        ShellTable table = new ShellTable();
        table.column("Payment");
        table.column("Date");
        table.column("Customer");
        table.column("Status");
        table.column("Total").alignRight();
        table.column("Refunded").alignRight();
        table.column("Method");
        for (PaymentRow p : page.rows()) {
            table.addRow().addContent(p.publicId(), p.createdAt(), p.organizationName(), p.status(),
                    Amounts.plain(p.total(), p.currency()) + " " + p.currency(),
                    Amounts.plain(p.amountRefunded(), p.currency()), p.methodKind() == null ? ""
                            : p.methodKind() + (p.methodLast4() == null ? "" : " " + p.methodLast4()));
        }
        table.print(System.out);
        System.out.println(page.rows().size() + " of " + page.total() + " payments");
        return null;
    }
}
