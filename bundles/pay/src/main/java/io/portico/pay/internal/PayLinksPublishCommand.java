package io.portico.pay.internal;

import io.portico.api.identity.Organizations;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

@Command(scope = "portico", name = "pay-links-publish",
        description = "Writes a pay-now link into every open NetSuite invoice that has none (new invoices get one as"
                + " they sync, and paid ones are cleared); --field names the invoices' custom body field first")
@Service
public class PayLinksPublishCommand implements Action {

    @Reference
    private Reconciliation reconciliation;

    @Reference
    private Organizations organizations;

    @Option(name = "-f", aliases = "--field", description = "The custom body field of NetSuite invoices the links go"
            + " in, e.g. custbody_portico_pay_link (\"\" stops writing links)")
    private String field;

    @Override
    public Object execute() {
        PayActor console = new PayActor(organizations.operator().id(), null, "console");
        if (field != null) {
            PayShell.call(() -> {
                reconciliation.payLinkField(console, field);
                return null;
            });
            if (field.isBlank()) {
                System.out.println("No more pay-now links are written to NetSuite.");
                return null;
            }
            System.out.println("Pay-now links go in the invoice field " + field.strip() + ".");
        }
        int queued = PayShell.call(() -> reconciliation.publishPayLinks(console));
        System.out.println(queued + " open invoice" + (queued == 1 ? "" : "s") + " will get a pay-now link shortly.");
        return null;
    }
}
