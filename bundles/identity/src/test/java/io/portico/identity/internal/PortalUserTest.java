package io.portico.identity.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portico.api.identity.Access;
import io.portico.api.identity.AuthMethod;
import io.portico.api.identity.DataScope;
import io.portico.api.identity.NotSignedInException;
import io.portico.api.identity.OrganizationKind;
import io.portico.api.identity.PortalUser;
import io.portico.api.identity.Role;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The API's rules for access and scope, as other bundles rely on them. */
class PortalUserTest {

    private static PortalUser user(OrganizationKind kind, Role role, Map<String, Access> access) {
        return new PortalUser(7, "ann@acme.example", "Ann", 1, 42, "Acme", kind, role, access, AuthMethod.PASSWORD);
    }

    @Test
    void customersSeeTheirOrganizationAndStaffTheTenant() {
        DataScope customer = user(OrganizationKind.CUSTOMER, Role.MEMBER, Map.of()).scope();
        assertEquals(new DataScope(1, 42L), customer);
        assertTrue(customer.covers(1, 42));
        assertFalse(customer.covers(1, 43));
        assertFalse(customer.covers(2, 42));
        DataScope staff = user(OrganizationKind.OPERATOR, Role.ADMIN, Map.of()).scope();
        assertNull(staff.organizationId());
        assertTrue(staff.covers(1, 43));
        assertFalse(staff.covers(2, 43));
    }

    @Test
    void recordTypeAccessOnlyNarrowsTheRole() {
        PortalUser viewer = user(OrganizationKind.CUSTOMER, Role.VIEWER, Map.of("invoice", Access.PAY,
                "salesorder", Access.NONE));
        assertEquals(Access.VIEW, viewer.access("invoice"), "a viewer never pays, whatever the narrowing says");
        assertFalse(viewer.canView("salesorder"));
        assertTrue(viewer.canView("creditmemo"));
        PortalUser member = user(OrganizationKind.CUSTOMER, Role.MEMBER, Map.of("invoice", Access.VIEW));
        assertFalse(member.canPay("invoice"));
        assertTrue(member.canPay("salesorder"));
    }

    @Test
    void rolesBelongToKindsOfOrganization() {
        assertTrue(Role.OWNER.allowedIn(OrganizationKind.OPERATOR));
        assertFalse(Role.OWNER.allowedIn(OrganizationKind.CUSTOMER));
        assertFalse(Role.VIEWER.allowedIn(OrganizationKind.OPERATOR));
        assertTrue(Role.ADMIN.allowedIn(OrganizationKind.CUSTOMER));
        assertTrue(Role.ADMIN.managesMembers());
        assertFalse(Role.MEMBER.managesMembers());
    }

    @Test
    void anonymousRequestsHaveNoUser() {
        assertTrue(PortalUser.from(null).isEmpty());
        assertTrue(PortalUser.from(() -> "someone").isEmpty());
        assertEquals(401, assertThrows(NotSignedInException.class, () -> PortalUser.require(null)).status());
    }
}
