package io.portico.records.internal;

import io.portico.api.identity.PortalUser;
import io.portico.api.plugin.PluginRegistry;
import io.portico.api.recordtype.RecordType;
import io.portico.api.recordtype.RecordTypeDescriptor;
import io.portico.api.web.Navigation;
import io.portico.api.web.ProblemException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * The record types a user browses in the portal, live from the plugin registry: those whose descriptor has portal
 * pages and that the user may view. The sidebar is built from them, so a plugin's entry comes and goes with it.
 * Other bundles' pages (documents, statements) join it after the record types: they register a {@link Navigation}
 * with {@value #PART}{@code =true}, and this one, ranked above them, is the sidebar the layout shows.
 */
@Component(service = {PortalRecordTypes.class, Navigation.class}, property = "service.ranking:Integer=100")
public final class PortalRecordTypes implements Navigation {

    static final String DASHBOARD = "/dashboard";
    /** The service property of a {@link Navigation} whose entries join the sidebar. */
    static final String PART = "portico.navigation.part";

    private final PluginRegistry plugins;
    private final List<Navigation> parts = new CopyOnWriteArrayList<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            target = "(" + PART + "=true)")
    void addPart(Navigation part) {
        parts.add(part);
    }

    void removePart(Navigation part) {
        parts.remove(part);
    }

    @Activate
    public PortalRecordTypes(@Reference PluginRegistry plugins) {
        this.plugins = plugins;
    }

    /** The user's record types, in sidebar order. */
    List<Named> visible(PortalUser user) {
        List<Named> types = new ArrayList<>();
        for (String name : plugins.names(RecordType.class)) {
            find(user, name).ifPresent(types::add);
        }
        types.sort(Comparator.comparingInt((Named n) -> n.descriptor().sidebarOrder())
                .thenComparing(n -> n.descriptor().label()));
        return types;
    }

    /** The record type if the user may browse it; else 404, exactly as for a type that does not exist. */
    Named require(PortalUser user, String name) {
        return find(user, name).orElseThrow(() -> ProblemException.notFound("There are no records of that kind here."));
    }

    private Optional<Named> find(PortalUser user, String name) {
        return plugins.find(RecordType.class, name).map(RecordType::descriptor)
                .filter(d -> d.portalPages() && user.canView(name)).map(d -> new Named(name, d));
    }

    @Override
    public List<Entry> entries(PortalUser user) {
        List<Entry> entries = new ArrayList<>();
        entries.add(new Entry("Dashboard", DASHBOARD));
        visible(user).forEach(type -> entries.add(new Entry(type.descriptor().label(), "/records/" + type.name())));
        parts.forEach(part -> entries.addAll(part.entries(user)));
        return entries;
    }

    record Named(String name, RecordTypeDescriptor descriptor) {
    }
}
