package io.portico.pay.internal;

import io.portico.api.identity.Organizations;
import java.net.URI;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/**
 * Picks the payment processor and starts onboarding, as Settings &gt; Pay does, for scripts (./portico demo): prints
 * the address where onboarding continues in a browser.
 */
@Command(scope = "portico", name = "pay-connect", description = "Picks the payment processor and starts onboarding")
@Service
public class PayConnectCommand implements Action {

    @Reference
    private PayCore core;

    @Reference
    private Organizations organizations;

    @Argument(index = 0, name = "processor", required = true, description = "The processor plugin's name, e.g. sandbox")
    private String processor;

    @Override
    public Object execute() {
        var operator = organizations.operator();
        PayActor actor = new PayActor(operator.id(), null, "console");
        URI settings = URI.create("/admin/pay");
        URI onboarding = PayShell.call(() -> {
            core.admin().chooseProcessor(actor, processor);
            return core.admin().connect(actor, operator.name(), null, settings, URI.create("/admin/pay/refresh"));
        });
        System.out.println("Continue onboarding at " + onboarding);
        return null;
    }
}
