package io.portico.identity.internal.user;

import io.portico.api.identity.PortalUser;
import io.portico.api.records.FirstRunStep;
import io.portico.identity.internal.store.IdentityStore;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * First-run step "Invite the first customers": done once a customer organization has a user, or an invitation to
 * one is open.
 */
@Component(service = FirstRunStep.class)
public final class FirstRunCustomers implements FirstRunStep {

    static final String TITLE = "Invite the first customers";
    static final String HREF = "/admin/organizations";

    private final IdentityStore store;

    @Activate
    public FirstRunCustomers(@Reference IdentityStore store) {
        this.store = store;
    }

    @Override
    public int order() {
        return CUSTOMERS;
    }

    @Override
    public State state(PortalUser admin) {
        Map<String, Object> counts = store.read(session -> session.getMapper(MembershipMapper.class)
                .customerUsers(admin.tenantId()));
        return state(((Number) counts.get("members")).longValue(), ((Number) counts.get("invited")).longValue());
    }

    static State state(long members, long invited) {
        if (members > 0) {
            return new State(TITLE, true, members + (members == 1 ? " customer user has" : " customer users have")
                    + " joined" + (invited > 0 ? "; " + invited + " more invited." : "."), HREF);
        }
        if (invited > 0) {
            return new State(TITLE, true, invited + (invited == 1 ? " invitation is" : " invitations are")
                    + " on the way; no customer has joined yet.", HREF);
        }
        return new State(TITLE, false, "Open a customer's organization and invite its people: they see their "
                + "invoices and pay them here.", HREF);
    }
}
