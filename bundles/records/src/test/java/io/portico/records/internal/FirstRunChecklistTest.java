package io.portico.records.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.portico.api.identity.AuthMethod;
import io.portico.api.identity.OrganizationKind;
import io.portico.api.identity.PortalUser;
import io.portico.api.identity.Role;
import io.portico.api.records.FirstRunStep;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The checklist: the operator's owners and admins only, steps in order, a failing step left out, complete when all are done. */
class FirstRunChecklistTest {

    private static PortalUser user(OrganizationKind kind, Role role) {
        return new PortalUser(1, "a@example.test", "A", 1, kind == OrganizationKind.OPERATOR ? 1 : 2, "Org", kind,
                role, Map.of(), AuthMethod.PASSWORD);
    }

    private static FirstRunStep step(int order, String title, boolean done) {
        return new FirstRunStep() {
            @Override
            public int order() {
                return order;
            }

            @Override
            public State state(PortalUser admin) {
                if (title == null) {
                    throw new IllegalStateException("broken");
                }
                return new State(title, done, title + " detail", "/" + order);
            }
        };
    }

    @SuppressWarnings("unchecked")
    @Test
    void operatorAdminsSeeTheStepsInOrderWithoutTheOneThatFailed() {
        FirstRunChecklist checklist = new FirstRunChecklist();
        checklist.add(step(300, "Branding", true));
        checklist.add(step(100, "NetSuite", true));
        checklist.add(step(250, null, false));
        checklist.add(step(500, "Payments", false));

        Map<String, Object> shown = checklist.forUser(user(OrganizationKind.OPERATOR, Role.ADMIN));
        List<Map<String, Object>> steps = (List<Map<String, Object>>) shown.get("steps");
        assertEquals(List.of("NetSuite", "Branding", "Payments"), steps.stream().map(s -> s.get("title")).toList());
        assertEquals(2, shown.get("done"));
        assertEquals(false, shown.get("complete"));

        assertNull(checklist.forUser(user(OrganizationKind.CUSTOMER, Role.ADMIN)), "customers never see it");
        assertNull(checklist.forUser(user(OrganizationKind.OPERATOR, Role.MEMBER)), "nor operator staff who are not admins");
    }

    @Test
    void completeOnceEveryStepIsDone() {
        FirstRunChecklist checklist = new FirstRunChecklist();
        assertNull(checklist.forUser(user(OrganizationKind.OPERATOR, Role.OWNER)), "no steps, no checklist");
        checklist.add(step(100, "NetSuite", true));
        checklist.add(step(200, "Sync", true));
        assertEquals(true, checklist.forUser(user(OrganizationKind.OPERATOR, Role.OWNER)).get("complete"));
    }
}
