package io.portico.identity.internal.org;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portico.api.identity.CustomerOrganization;
import io.portico.api.identity.Organization;
import io.portico.api.identity.OrganizationKind;
import io.portico.identity.internal.IdentityTestDatabase;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class OrganizationsImplTest {

    private static IdentityTestDatabase db;
    private static OrganizationsImpl organizations;

    @BeforeAll
    static void createDatabase() {
        db = new IdentityTestDatabase();
        organizations = new OrganizationsImpl(db.store());
    }

    @AfterAll
    static void dropDatabase() {
        db.close();
    }

    private static CustomerOrganization customer(String netsuiteId, String name, String parent) {
        return new CustomerOrganization(netsuiteId, name, List.of(" Acme.COM ", "acme.com", "acme.co.uk"), "ok",
                "usd", parent, Map.of("terms", "Net 30", "creditLimit", 5000));
    }

    @Test
    void upsertCreatesThenUpdatesByNetsuiteId() {
        Organization created = organizations.upsertCustomer(customer("100", "Acme", null));
        assertEquals(OrganizationKind.CUSTOMER, created.kind());
        assertEquals(organizations.operator().id(), created.tenantId());
        assertEquals(List.of("acme.com", "acme.co.uk"), created.emailDomains());
        assertEquals("USD", created.currency());
        assertEquals(Map.of("terms", "Net 30", "creditLimit", 5000), created.attributes());

        Organization same = organizations.upsertCustomer(customer("100", "Acme", null));
        assertEquals(created, same, "the same input changes nothing");

        Organization renamed = organizations.upsertCustomer(customer("100", "Acme Corp", null));
        assertEquals(created.id(), renamed.id());
        assertEquals("Acme Corp", renamed.name());
        assertEquals(renamed, organizations.findCustomer("100").orElseThrow());
        assertEquals(renamed, organizations.find(created.id()).orElseThrow());
    }

    @Test
    void parentIsLinkedInWhicheverOrderTheyArrive() {
        Organization child = organizations.upsertCustomer(customer("201", "Child", "200"));
        assertNull(child.parentId(), "the parent is not known yet");
        Organization parent = organizations.upsertCustomer(customer("200", "Parent", null));
        assertEquals(parent.id(), organizations.findCustomer("201").orElseThrow().parentId());
        assertEquals(parent.id(), organizations.upsertCustomer(customer("202", "Later child", "200")).parentId());
    }

    @Test
    void archiveHidesFromListsAndUpsertRevives() {
        organizations.upsertCustomer(customer("300", "Zeta Archived", null));
        assertTrue(organizations.archiveCustomer("300"));
        assertFalse(organizations.archiveCustomer("300"), "already archived");
        assertFalse(organizations.archiveCustomer("no-such-id"));
        assertTrue(organizations.findCustomer("300").orElseThrow().archived());
        assertTrue(organizations.customers("zeta", false, 0, 10).isEmpty());
        assertEquals(1, organizations.customers("zeta", true, 0, 10).size());

        assertFalse(organizations.upsertCustomer(customer("300", "Zeta Archived", null)).archived());
    }

    @Test
    void nameFilterTreatsWildcardsLiterally() {
        organizations.upsertCustomer(customer("400", "100% Cotton", null));
        organizations.upsertCustomer(customer("401", "1000 Cotton", null));
        assertEquals(List.of("100% Cotton"), organizations.customers("100%", false, 0, 10).stream()
                .map(Organization::name).toList());
    }

    @Test
    void malformedInputIsRefusedAndNothingIsStored() {
        assertThrows(IllegalArgumentException.class, () -> organizations.upsertCustomer(
                new CustomerOrganization(" ", "X", List.of(), null, null, null, Map.of())));
        assertThrows(IllegalArgumentException.class, () -> organizations.upsertCustomer(
                new CustomerOrganization("500", "X", List.of("not a domain"), null, null, null, Map.of())));
        assertThrows(IllegalArgumentException.class, () -> organizations.upsertCustomer(
                new CustomerOrganization("500", "X", List.of(), null, "dollars", null, Map.of())));
        assertThrows(IllegalArgumentException.class, () -> organizations.upsertCustomer(
                new CustomerOrganization("500", "X".repeat(301), List.of(), null, null, null, Map.of())));
        assertThrows(IllegalArgumentException.class, () -> organizations.upsertCustomer(
                new CustomerOrganization("500", "X", List.of(), null, null, "500", Map.of())));
        assertTrue(organizations.findCustomer("500").isEmpty());
    }

    @Test
    void publicMailDomainsNeverMatch() {
        organizations.upsertCustomer(new CustomerOrganization("600", "Gmail users", List.of("gmail.com"), null,
                null, null, Map.of()));
        organizations.upsertCustomer(new CustomerOrganization("601", "Globex", List.of("globex.example"), null,
                null, null, Map.of()));
        assertTrue(organizations.withEmailDomain("gmail.com").isEmpty());
        assertEquals("601", organizations.withEmailDomain("globex.example").get(0).netsuiteId());
    }
}
