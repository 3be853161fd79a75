package io.portico.pay.internal;

import io.portico.api.identity.DataScope;
import io.portico.api.identity.Organizations;
import java.math.BigDecimal;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

@Command(scope = "portico", name = "pay-refund", description = "Refunds all or part of a payment through its "
        + "processor; running it again with the same amount retries a refund the processor did not answer")
@Service
public class PayRefundCommand implements Action {

    @Reference
    private PayCore core;

    @Reference
    private Organizations organizations;

    @Argument(index = 0, name = "id", description = "The payment's id (as pay-list shows it)", required = true)
    private String id;

    @Argument(index = 1, name = "amount", description = "How much, like 12.50 (default: all that is left)")
    private String amount;

    @Option(name = "-r", aliases = "--reason", description = "Why, for the processor's records and the payer")
    private String reason;

    @Override
    public Object execute() {
        DataScope tenant = new DataScope(organizations.operator().id(), null);
        BigDecimal value = null;
        if (amount != null) {
            try {
                value = new BigDecimal(amount.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("The amount is written like 12.50, not " + amount);
            }
        }
        BigDecimal asked = value;
        Refund refund = PayShell.call(() -> core.refunds().refund(tenant, PayShell.id(id), asked, reason,
                new PayActor(tenant.tenantId(), null, "console")));
        System.out.println("Refund " + refund.id() + " of " + refund.amount().stripTrailingZeros().toPlainString()
                + ": " + refund.status() + (refund.processorReference() == null ? ""
                        : " (" + refund.processorReference() + ")"));
        return null;
    }
}
