package io.portico.plugins.attachments.internal;

import io.portico.api.identity.PortalUser;
import io.portico.api.web.Navigation;
import io.portico.api.web.SidebarIcons;
import io.portico.api.web.SidebarLayout;
import java.util.List;
import org.osgi.service.component.annotations.Component;

/**
 * "Documents" in the portal's sidebar, while this plugin runs: a part of the sidebar ({@link Navigation#PART}) that
 * the operator places in Settings &gt; Sidebar as {@link SidebarLayout#DOCUMENTS}, ranked below the portal's own
 * navigation that gathers the parts.
 */
@Component(service = Navigation.class, property = {Navigation.PART + "=true",
        Navigation.PART_KEY + "=" + SidebarLayout.DOCUMENTS, Navigation.PART_LABEL + "=" + AttachmentsNavigation.LABEL,
        "service.ranking:Integer=-100"})
public final class AttachmentsNavigation implements Navigation {

    static final String LABEL = "Documents";

    @Override
    public List<Entry> entries(PortalUser user) {
        return List.of(new Entry(LABEL, "/attachments", SidebarIcons.defaultFor(SidebarLayout.DOCUMENTS)));
    }
}
