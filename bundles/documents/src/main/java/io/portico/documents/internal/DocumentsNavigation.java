package io.portico.documents.internal;

import io.portico.api.identity.PortalUser;
import io.portico.api.web.Navigation;
import java.util.List;
import org.osgi.service.component.annotations.Component;

/**
 * The sidebar's entries for this bundle's pages, for users who may view invoices. A part of the portal's sidebar
 * ({@code portico.navigation.part}), ranked below the portal's own navigation that gathers the parts.
 */
@Component(service = Navigation.class,
        property = {"portico.navigation.part=true", "service.ranking:Integer=-100"})
public final class DocumentsNavigation implements Navigation {

    @Override
    public List<Entry> entries(PortalUser user) {
        if (!user.canView("invoice")) {
            return List.of();
        }
        return List.of(new Entry("Statement", "/statement", "file-text"));
    }
}
