package io.portico.pay.internal;

import io.portico.api.identity.Organizations;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** Turns Pay on (only once the processor's account can take payments) or off, as Settings &gt; Pay does. */
@Command(scope = "portico", name = "pay-enable", description = "Turns Pay on once the processor's account is ready")
@Service
public class PayEnableCommand implements Action {

    @Reference
    private PayCore core;

    @Reference
    private Organizations organizations;

    @Option(name = "--off", description = "Turn Pay off instead")
    private boolean off;

    @Override
    public Object execute() {
        PayActor actor = new PayActor(organizations.operator().id(), null, "console");
        PaySettings settings = PayShell.call(() -> core.admin().enable(actor, !off));
        System.out.println("Pay is " + (settings.enabled() ? "on, with " + settings.processor() : "off"));
        return null;
    }
}
