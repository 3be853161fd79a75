package io.portico.plugins.contact.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portico.api.recordtype.RecordCategory;
import io.portico.api.recordtype.RecordMappingException;
import io.portico.api.recordtype.SyncQuery;
import io.portico.api.recordtype.SyncedRecord;
import io.portico.plugin.testing.TestRow;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContactRecordTypeTest {

    private final ContactRecordType type = new ContactRecordType(null);

    /** A contact as the sandbox's SuiteQL answers the record type's query. */
    static TestRow contact() {
        return TestRow.of("id", "1006", "lastmodified", "2023-02-17 08:42:47", "entityid", "Elijah Lopez",
                "firstname", "Elijah", "lastname", "Lopez", "email", "elijah.lopez@summitanalytics.com",
                "phone", "(860) 555-4938", "title", "Accounts Payable Specialist", "company", "1001",
                "companyname", "C10000 Summit Analytics Inc.", "isinactive", "F", "subsidiary", "1",
                "subsidiaryname", "Portico Demo Inc.");
    }

    @Test
    void mapsAContactToItsCompanysOrganization() {
        SyncedRecord c = type.map(contact(), List.of());

        assertEquals(1006L, c.netsuiteId());
        assertEquals("1001", c.owner());
        assertEquals("Elijah Lopez", c.number());
        assertEquals("Elijah Lopez", c.name());
        assertEquals("elijah.lopez@summitanalytics.com", c.email());
        assertEquals("active", c.status());
        assertEquals("Accounts Payable Specialist", c.attributes().get("title"));
        assertEquals("(860) 555-4938", c.attributes().get("phone"));
        assertEquals("C10000 Summit Analytics Inc.", c.attributes().get("company"));
        assertEquals("Elijah", c.attributes().get("firstName"));
        assertTrue(c.lines().isEmpty());
    }

    @Test
    void theNameFallsBackToWhatIsThere() {
        assertEquals("Lopez", type.map(contact().with("firstname", null), List.of()).name());
        assertEquals("Elijah", type.map(contact().with("lastname", " "), List.of()).name());
        assertEquals("E. Lopez (AP)", type.map(contact().with("firstname", null, "lastname", null,
                "entityid", "E. Lopez (AP)"), List.of()).name());
        RecordMappingException none = assertThrows(RecordMappingException.class, () -> type.map(
                contact().with("firstname", null, "lastname", null, "entityid", null), List.of()));
        assertEquals("'entityid' is missing", none.getMessage());
    }

    @Test
    void inactiveContactsAndContactsWithoutCompanyOrEmail() {
        assertEquals("inactive", type.map(contact().with("isinactive", "T"), List.of()).status());
        SyncedRecord orphan = type.map(contact().with("company", null, "companyname", null, "email", "  "),
                List.of());
        assertNull(orphan.owner(), "only the operator's staff see a contact without a company");
        assertNull(orphan.email());
    }

    @Test
    void malformedContactsFailWithAClearMessage() {
        assertEquals("isinactive", assertThrows(RecordMappingException.class,
                () -> type.map(contact().with("isinactive", "yes"), List.of())).column());
        assertEquals("id", assertThrows(RecordMappingException.class,
                () -> type.map(contact().with("id", "C-1006"), List.of())).column());
        assertEquals("'email' has 1001 characters, more than 1000", assertThrows(RecordMappingException.class,
                () -> type.map(contact().with("email", "e".repeat(989) + "@example.com"), List.of())).getMessage());
        assertEquals("title", assertThrows(RecordMappingException.class,
                () -> type.map(contact().with("title", "t".repeat(70_000)), List.of())).column());
        String script = "<script>alert(1)</script>";
        assertEquals(script, type.map(contact().with("title", script), List.of()).attributes().get("title"));
    }

    @Test
    void queriesContactsWithTheirCompany() {
        SyncQuery q = type.query();
        assertEquals("contact", q.table());
        assertEquals("c.lastmodifieddate", q.lastModified());
        assertEquals("c.subsidiary", q.subsidiary());
        assertTrue(q.columns().contains("c.company"));
        assertEquals(RecordCategory.ENTITY, type.descriptor().category());
        assertEquals("contact", type.descriptor().netsuiteRecord());
    }
}
