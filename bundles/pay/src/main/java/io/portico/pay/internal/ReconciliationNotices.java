package io.portico.pay.internal;

import io.portico.api.identity.PortalUser;
import io.portico.api.records.DashboardNotices;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Warns the operator's owners and admins on their dashboard when a payment's write-back has waited longer than the
 * operator's threshold to reach NetSuite (still pending, or refused and not resolved), linking to Reconciliation.
 */
@Component(service = DashboardNotices.class)
public final class ReconciliationNotices implements DashboardNotices {

    private final Reconciliation reconciliation;

    @Activate
    public ReconciliationNotices(@Reference Reconciliation reconciliation) {
        this.reconciliation = reconciliation;
    }

    @Override
    public List<Notice> forUser(PortalUser user) {
        if (!PayAdminPages.operatorAdmin(user)) {
            return List.of();
        }
        Reconciliation.Overdue overdue = reconciliation.overdue(user.tenantId());
        if (overdue.count() == 0) {
            return List.of();
        }
        return List.of(new Notice(overdue.count() + (overdue.count() == 1 ? " payment has" : " payments have")
                + " waited more than " + overdue.warnAfterMinutes() + " minutes to reach NetSuite.",
                ReconciliationPages.PATH, "Open reconciliation"));
    }
}
