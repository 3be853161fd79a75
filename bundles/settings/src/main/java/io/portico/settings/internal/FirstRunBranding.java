package io.portico.settings.internal;

import io.portico.api.identity.PortalUser;
import io.portico.api.records.FirstRunStep;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** First-run step "Set up branding": done once an admin has saved Settings &gt; Branding. */
@Component(service = FirstRunStep.class)
public final class FirstRunBranding implements FirstRunStep {

    static final String TITLE = "Set up branding";

    private final BrandingSettings branding;

    @Activate
    public FirstRunBranding(@Reference BrandingSettings branding) {
        this.branding = branding;
    }

    @Override
    public int order() {
        return BRANDING;
    }

    @Override
    public State state(PortalUser admin) {
        return state(branding.saved());
    }

    static State state(boolean saved) {
        return saved ? new State(TITLE, true, "Your name, logo and colour are on every page.", "/admin/branding")
                : new State(TITLE, false, "Give the portal your name, logo and colour.", "/admin/branding");
    }
}
