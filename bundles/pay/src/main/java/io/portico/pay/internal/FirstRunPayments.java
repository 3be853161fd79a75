package io.portico.pay.internal;

import io.portico.api.identity.PortalUser;
import io.portico.api.records.FirstRunStep;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** First-run step "Connect payments": done once Pay is on, which needs a processor whose account is ready. */
@Component(service = FirstRunStep.class)
public final class FirstRunPayments implements FirstRunStep {

    static final String TITLE = "Connect payments";
    static final String HREF = "/admin/pay";

    private final PayCore core;

    @Activate
    public FirstRunPayments(@Reference PayCore core) {
        this.core = core;
    }

    @Override
    public int order() {
        return PAYMENTS;
    }

    @Override
    public State state(PortalUser admin) {
        return state(core.checkout().settings(admin.tenantId()));
    }

    static State state(PaySettings settings) {
        if (settings.enabled()) {
            return new State(TITLE, true, "Customers pay open invoices through " + settings.processor() + ".", HREF);
        }
        return new State(TITLE, false, settings.processor() == null
                ? "Connect a payment processor, then turn Pay on so that customers can pay invoices."
                : "Connected to " + settings.processor() + ": turn Pay on once its account is ready.", HREF);
    }
}
