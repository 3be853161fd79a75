package io.portico.records.internal;

import io.portico.api.identity.PortalUser;
import io.portico.api.records.Record;
import io.portico.api.records.RecordActions;
import io.portico.api.records.RecordActions.RecordAction;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The buttons other bundles offer on records, from every {@link RecordActions} registered at the moment. A plugin
 * that fails costs its buttons, not the page.
 */
@Component(service = Actions.class)
public final class Actions {

    private static final Logger LOG = LoggerFactory.getLogger(Actions.class);

    private final List<RecordActions> providers = new CopyOnWriteArrayList<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void add(RecordActions provider) {
        providers.add(provider);
    }

    void remove(RecordActions provider) {
        providers.remove(provider);
    }

    List<Map<String, Object>> forRecord(PortalUser user, Record record) {
        return collect(p -> p.forRecord(user, record));
    }

    /** A list's actions open a page with the ticked records: its form is a GET, which must carry no CSRF token. */
    List<Map<String, Object>> forList(PortalUser user, String recordType) {
        return collect(p -> p.forList(user, recordType).stream().filter(a -> !a.post()).toList());
    }

    private List<Map<String, Object>> collect(Function<RecordActions, List<RecordAction>> offered) {
        List<Map<String, Object>> buttons = new ArrayList<>();
        for (RecordActions provider : providers) {
            try {
                offered.apply(provider).forEach(a -> buttons.add(Map.of("label", a.label(), "href", a.href(),
                        "method", a.post() ? "post" : "get", "field", a.idField(), "primary", a.primary())));
            } catch (RuntimeException e) {
                LOG.warn("A record action provider failed; its buttons are left out", e);
            }
        }
        return buttons;
    }
}
