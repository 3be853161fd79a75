package io.portico.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.portico.api.health.HealthReport;
import io.portico.api.health.HealthResult;
import io.portico.api.identity.AuthMethod;
import io.portico.api.identity.OrganizationKind;
import io.portico.api.identity.PortalUser;
import io.portico.api.identity.Role;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import org.junit.jupiter.api.Test;

/** Anyone learns whether Portico is up; only the operator's administrators and monitoring learn why. */
class HealthResourceTest {

    private static final HealthReport UP = new HealthReport(true, "0.1.0", Map.of("netsuite", new HealthResult(true,
            "reachable", Map.of("accountId", "1234567_SB1", "baseUrl", "https://1234567-sb1.example"))),
            Map.of("RECORD_TYPE", 7), List.of("plugin x refused: invalid name"));
    private static final HealthReport DOWN = new HealthReport(false, "0.1.0", Map.of("database",
            HealthResult.down("password authentication failed for user portico")), Map.of(), List.of());

    @Test
    void anyoneElseGetsTheStatusOnlyWithTheSameStatusCode() {
        HealthResource health = new HealthResource(() -> UP, "m0nitor");
        for (Response r : List.of(health.health(null, null), health.health(null, "Bearer wrong"),
                health.health(null, "m0nitor"), health.health(signedIn(OrganizationKind.OPERATOR, Role.MEMBER), null),
                health.health(signedIn(OrganizationKind.CUSTOMER, Role.ADMIN), null))) {
            assertEquals(200, r.getStatus());
            assertEquals(Map.of("status", "UP"), r.getEntity());
        }
        Response down = new HealthResource(() -> DOWN, "m0nitor").health(null, null);
        assertEquals(503, down.getStatus());
        assertEquals(Map.of("status", "DOWN"), down.getEntity());
    }

    @Test
    void theOperatorsAdministratorsAndMonitoringWithTheTokenGetTheDetails() {
        HealthResource health = new HealthResource(() -> DOWN, "m0nitor");
        for (Response r : List.of(health.health(null, "Bearer m0nitor"), health.health(null, "bearer  m0nitor "),
                health.health(signedIn(OrganizationKind.OPERATOR, Role.OWNER), null),
                health.health(signedIn(OrganizationKind.OPERATOR, Role.ADMIN), null))) {
            assertEquals(503, r.getStatus());
            HealthResource.HealthView view = assertInstanceOf(HealthResource.HealthView.class, r.getEntity());
            assertEquals("password authentication failed for user portico", view.checks().get("database").detail());
        }
    }

    @Test
    void withoutAConfiguredTokenNoTokenOpensTheDetails() {
        HealthResource health = new HealthResource(() -> UP, "");
        assertEquals(Map.of("status", "UP"), health.health(null, "Bearer ").getEntity());
        assertEquals(Map.of("status", "UP"), health.health(null, "Bearer").getEntity());
        assertEquals(Map.of("status", "UP"), health.health(null, null).getEntity());
    }

    private static SecurityContext signedIn(OrganizationKind kind, Role role) {
        PortalUser user = new PortalUser(1, "a@b.test", "A", 1, kind == OrganizationKind.OPERATOR ? 1 : 2, "Org",
                kind, role, Map.of(), AuthMethod.PASSWORD);
        return new SecurityContext() {
            @Override
            public Principal getUserPrincipal() {
                return user;
            }

            @Override
            public boolean isUserInRole(String name) {
                return false;
            }

            @Override
            public boolean isSecure() {
                return false;
            }

            @Override
            public String getAuthenticationScheme() {
                return null;
            }
        };
    }
}
