package io.portico.pay.internal;

import io.portico.api.identity.PortalUser;
import io.portico.api.records.Record;
import io.portico.api.records.RecordActions;
import java.util.ArrayList;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Pay's buttons on invoices, while Pay is on: "Pay" for those who may pay invoices (not while staff view a
 * customer's portal read-only), on an invoice and for the ticked invoices of the list, and "Payment link" on an
 * invoice for operator staff and customer admins who may pay. The pages they lead to check the same again.
 */
@Component(service = RecordActions.class)
public final class PayActions implements RecordActions {

    private static final String INVOICE = "invoice";

    private final PayCore core;

    @Activate
    public PayActions(@Reference PayCore core) {
        this.core = core;
    }

    @Override
    public List<RecordAction> forRecord(PortalUser user, Record record) {
        boolean open = record.amountRemaining() != null && record.amountRemaining().signum() > 0;
        return INVOICE.equals(record.recordType()) && open ? actions(user, "Pay this invoice", "Payment link")
                : List.of();
    }

    @Override
    public List<RecordAction> forList(PortalUser user, String recordType) {
        return INVOICE.equals(recordType) ? actions(user, "Pay selected", null) : List.of();
    }

    private List<RecordAction> actions(PortalUser user, String pay, String link) {
        if (!user.canPay(INVOICE) || user.viewingAs() || !core.checkout().enabled(user.tenantId())) {
            return List.of();
        }
        List<RecordAction> actions = new ArrayList<>();
        actions.add(new RecordAction(pay, "/pay", false, INVOICE, true));
        if (link != null && (user.operatorStaff() || user.managesMembers())) {
            actions.add(new RecordAction(link, "/pay/links", true, INVOICE, false));
        }
        return actions;
    }
}
