package io.portico.records.internal;

import io.portico.api.identity.PortalUser;
import io.portico.api.identity.Role;
import io.portico.api.records.FirstRunStep;
import java.util.ArrayList;
import java.util.Comparator;
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
 * The first-run checklist on the dashboard of the operator's owners and admins, from every {@link FirstRunStep}
 * registered at the moment, in their order. A step that fails is left out, not the page.
 */
@Component(service = FirstRunChecklist.class)
public final class FirstRunChecklist {

    private static final Logger LOG = LoggerFactory.getLogger(FirstRunChecklist.class);

    private final List<FirstRunStep> steps = new CopyOnWriteArrayList<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void add(FirstRunStep step) {
        steps.add(step);
    }

    void remove(FirstRunStep step) {
        steps.remove(step);
    }

    /**
     * The checklist for this user: {@code steps} (each {@code title}, {@code done}, {@code detail}, {@code href}),
     * {@code done} (how many are) and {@code complete}; {@code null} for anyone but the operator's owners and admins,
     * or when no step is registered.
     */
    Map<String, Object> forUser(PortalUser user) {
        if (!user.operatorStaff() || user.role() != Role.OWNER && user.role() != Role.ADMIN) {
            return null;
        }
        List<FirstRunStep> ordered = new ArrayList<>(steps);
        ordered.sort(Comparator.comparingInt(FirstRunStep::order));
        List<Map<String, Object>> states = new ArrayList<>();
        int done = 0;
        for (FirstRunStep step : ordered) {
            try {
                FirstRunStep.State state = step.state(user);
                states.add(Map.of("title", state.title(), "done", state.done(), "detail", state.detail(), "href",
                        state.href()));
                done += state.done() ? 1 : 0;
            } catch (RuntimeException e) {
                LOG.warn("A first-run step failed; it is left out of the checklist", e);
            }
        }
        if (states.isEmpty()) {
            return null;
        }
        return Map.of("steps", states, "done", done, "complete", done == states.size());
    }
}
