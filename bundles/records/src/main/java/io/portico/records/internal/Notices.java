package io.portico.records.internal;

import io.portico.api.identity.PortalUser;
import io.portico.api.records.DashboardNotices;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The warnings other bundles put on the dashboard, from every {@link DashboardNotices} registered at the moment. A
 * plugin that fails costs its notices, not the page.
 */
@Component(service = Notices.class)
public final class Notices {

    private static final Logger LOG = LoggerFactory.getLogger(Notices.class);

    private final List<DashboardNotices> providers = new CopyOnWriteArrayList<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void add(DashboardNotices provider) {
        providers.add(provider);
    }

    void remove(DashboardNotices provider) {
        providers.remove(provider);
    }

    List<Map<String, String>> forUser(PortalUser user) {
        List<Map<String, String>> notices = new ArrayList<>();
        for (DashboardNotices provider : providers) {
            try {
                provider.forUser(user).forEach(n -> notices.add(Map.of("text", n.text(), "href", n.href(),
                        "linkLabel", n.linkLabel())));
            } catch (RuntimeException e) {
                LOG.warn("A dashboard notice provider failed; its notices are left out", e);
            }
        }
        return notices;
    }
}
