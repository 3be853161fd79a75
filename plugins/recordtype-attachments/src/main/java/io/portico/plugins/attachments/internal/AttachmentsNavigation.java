package io.portico.plugins.attachments.internal;

import io.portico.api.identity.PortalUser;
import io.portico.api.web.Navigation;
import io.portico.api.web.SidebarIcons;
import io.portico.api.web.SidebarLayout;
import java.util.List;
import org.osgi.service.component.annotations.Component;

/**
 * "Documents" in the portal's sidebar, while this plugin runs: a part of the sidebar
 * ({@code portico.navigation.part}), ranked below the portal's own navigation that gathers the parts.
 */
@Component(service = Navigation.class,
        property = {"portico.navigation.part=true", "service.ranking:Integer=-100"})
public final class AttachmentsNavigation implements Navigation {

    @Override
    public List<Entry> entries(PortalUser user) {
        return List.of(new Entry("Documents", "/attachments", SidebarIcons.defaultFor(SidebarLayout.DOCUMENTS)));
    }
}
