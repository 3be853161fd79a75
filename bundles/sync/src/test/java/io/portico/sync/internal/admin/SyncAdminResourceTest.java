package io.portico.sync.internal.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.portico.api.identity.AuthMethod;
import io.portico.api.identity.OrganizationKind;
import io.portico.api.identity.PortalUser;
import io.portico.api.identity.Role;
import io.portico.api.sync.SyncSettings;
import io.portico.api.web.ProblemException;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import javax.ws.rs.core.SecurityContext;
import org.junit.jupiter.api.Test;

class SyncAdminResourceTest {

    private final SyncAdminResource withToken = new SyncAdminResource(null, "s3cret");
    private final SyncAdminResource withoutToken = new SyncAdminResource(null, "");

    @Test
    void operatorAdminsOrTheConfiguredTokenOnly() {
        withToken.requireAdmin(security(user(OrganizationKind.OPERATOR, Role.ADMIN)), null);
        withToken.requireAdmin(security(user(OrganizationKind.OPERATOR, Role.OWNER)), null);
        withToken.requireAdmin(security(null), "s3cret");
        assertEquals(403, status(() -> withToken.requireAdmin(security(user(OrganizationKind.CUSTOMER, Role.ADMIN)),
                "s3cret")), "a customer's admin is not the operator's, even with the token");
        assertEquals(401, status(() -> withToken.requireAdmin(security(null), "wrong")));
        assertEquals(401, status(() -> withToken.requireAdmin(security(null), null)));
        assertEquals(401, status(() -> withoutToken.requireAdmin(security(null), "")),
                "no token configured: automation cannot get in");
    }

    @Test
    void settingsArePartialUpdatesWithTypedErrors() {
        SyncSettings merged = Settings.merge(SyncSettings.defaults(), Map.of("paused", true, "schedule", "daily",
                "subsidiaryIds", List.of(1, "2"), "initialWindowDays", 365));
        assertEquals(true, merged.paused());
        assertEquals("daily", merged.schedule());
        assertEquals(List.of(1L, 2L), merged.subsidiaryIds());
        assertEquals(Integer.valueOf(365), merged.initialWindowDays());
        assertEquals(1000, merged.pageSize());
        assertEquals(400, status(() -> Settings.merge(SyncSettings.defaults(), Map.of("pageSize", "many"))));
        assertEquals(400, status(() -> Settings.merge(SyncSettings.defaults(), Map.of("colour", "red"))));
        assertEquals(400, status(() -> Settings.merge(SyncSettings.defaults(), Map.of("subsidiaryIds", "1"))));
        assertEquals(400, status(() -> Settings.merge(SyncSettings.defaults(), Map.of("enabled", "yes"))));
    }

    private static int status(Runnable r) {
        return assertThrows(ProblemException.class, r::run).status();
    }

    private static PortalUser user(OrganizationKind kind, Role role) {
        return new PortalUser(1, "a@b.test", "A", 1, kind == OrganizationKind.OPERATOR ? 1 : 2, "Org", kind, role,
                Map.of(), AuthMethod.PASSWORD);
    }

    private static SecurityContext security(Principal principal) {
        return new SecurityContext() {
            @Override
            public Principal getUserPrincipal() {
                return principal;
            }

            @Override
            public boolean isUserInRole(String role) {
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
