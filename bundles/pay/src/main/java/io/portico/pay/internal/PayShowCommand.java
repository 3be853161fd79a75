package io.portico.pay.internal;

import io.portico.api.identity.DataScope;
import io.portico.api.identity.Organizations;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

@Command(scope = "portico", name = "pay-show", description = "Shows a payment: amounts, invoices, history, refunds")
@Service
public class PayShowCommand implements Action {

    @Reference
    private PayCore core;

    @Reference
    private Organizations organizations;

    @Argument(index = 0, name = "id", description = "The payment's id (as pay-list shows it)", required = true)
    private String id;

    @Override
    public Object execute() {
        DataScope tenant = new DataScope(organizations.operator().id(), null);
        PaymentsQuery.Detail detail = core.payments().find(tenant, PayShell.id(id))
                .orElseThrow(() -> new IllegalArgumentException("No payment " + id));
        PaymentRow p = detail.payment();
        String c = p.currency();
        System.out.println("Payment   " + p.publicId() + "  " + p.status());
        System.out.println("Customer  " + p.organizationName() + " (id " + p.organizationId() + ")"
                + (p.payerEmail() == null ? "" : ", paid by " + p.payerEmail()));
        System.out.println("Made      " + p.createdAt() + " with " + p.processor() + " "
                + (p.processorReference() == null ? "" : p.processorReference()));
        if (p.methodKind() != null) {
            System.out.println("Method    " + p.methodKind() + (p.methodBrand() == null ? "" : " " + p.methodBrand())
                    + (p.cardFunding() == null ? "" : " " + p.cardFunding())
                    + (p.methodLast4() == null ? "" : " ending in " + p.methodLast4()));
        }
        System.out.println("Invoices  " + Amounts.plain(p.invoicesAmount(), c) + " " + c);
        System.out.println("Surcharge " + Amounts.plain(p.surcharge(), c) + "  bank fee "
                + Amounts.plain(p.bankFee(), c) + "  bank discount " + Amounts.plain(p.bankDiscount(), c));
        System.out.println("Total     " + Amounts.plain(p.total(), c) + " " + c + ", refunded "
                + Amounts.plain(p.amountRefunded(), c));
        if (p.failureReason() != null) {
            System.out.println("Reason    " + p.failureReason());
        }
        detail.allocations().forEach(a -> System.out.println("  invoice " + (a.invoiceNumber() == null
                ? a.invoiceNetsuiteId() : a.invoiceNumber()) + "  " + Amounts.plain(a.amount(), c)));
        detail.events().forEach(e -> System.out.println("  " + e.occurredAt() + "  " + e.status()
                + (e.detail() == null ? "" : "  " + e.detail())));
        detail.refunds().forEach(r -> System.out.println("  refund " + r.id() + "  " + Amounts.plain(r.amount(), c)
                + "  " + r.status() + (r.failureReason() == null ? "" : ": " + r.failureReason())));
        return null;
    }
}
