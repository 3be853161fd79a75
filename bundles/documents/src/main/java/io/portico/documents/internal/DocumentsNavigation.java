package io.portico.documents.internal;

import io.portico.api.identity.PortalUser;
import io.portico.api.web.Navigation;
import io.portico.api.web.SidebarIcons;
import io.portico.api.web.SidebarLayout;
import java.util.List;
import org.osgi.service.component.annotations.Component;

/**
 * The statement's entry in the sidebar, for users who may view invoices: a part of the portal's sidebar
 * ({@link Navigation#PART}) that the operator places in Settings &gt; Sidebar as {@link SidebarLayout#STATEMENT},
 * ranked below the portal's own navigation that gathers the parts.
 */
@Component(service = Navigation.class, property = {Navigation.PART + "=true",
        Navigation.PART_KEY + "=" + SidebarLayout.STATEMENT, Navigation.PART_LABEL + "=" + DocumentsNavigation.LABEL,
        "service.ranking:Integer=-100"})
public final class DocumentsNavigation implements Navigation {

    static final String LABEL = "Statement";

    @Override
    public List<Entry> entries(PortalUser user) {
        if (!user.canView("invoice")) {
            return List.of();
        }
        return List.of(new Entry(LABEL, "/statement", SidebarIcons.defaultFor(SidebarLayout.STATEMENT)));
    }
}
