package io.portico.plugins.contact.internal;

import static io.portico.sync.testing.SandboxSync.attributes;
import static io.portico.sync.testing.SandboxSync.refId;
import static io.portico.sync.testing.SandboxSync.refName;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portico.api.sync.SyncRun;
import io.portico.identity.internal.org.OrganizationsImpl;
import io.portico.identity.internal.store.IdentityStore;
import io.portico.sandbox.NetSuiteSandbox;
import io.portico.sync.testing.SandboxSync;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The demo company's contacts, synced through the engine, are what NetSuite's REST API shows, and link verified
 * portal users to their customers' organizations by email, until NetSuite removes them.
 */
class ContactSyncTest {

    private static final String SOURCE = "SELECT id FROM contact ORDER BY id";

    @Test
    void contactsAreMirroredAndLinkTheirUsersUntilNetSuiteRemovesThem() throws Exception {
        try (SandboxSync s = start()) {
            List<Long> ids = s.sourceIds(SOURCE);
            long withUser = ids.get(0);
            long inactivated = ids.get(2);
            long deleted = ids.get(4);
            long moved = ids.get(6);
            Map<Long, Long> users = new TreeMap<>();
            for (long id : List.of(withUser, inactivated, deleted, moved)) {
                users.put(id, user(s, (String) s.record("contact", id).get("email"), true));
            }
            long unverified = user(s, (String) s.record("contact", ids.get(8)).get("email"), false);

            SyncRun full = s.sync(false);
            assertEquals(ids.size(), full.inserted());
            assertEquals(0, full.failed(), () -> "errors " + s.errors(full));
            assertMatchesSource(s);
            users.forEach((contact, user) -> assertEquals(List.of(organizationOf(s, contact)),
                    memberships(s, user), "contact " + contact));
            assertEquals(List.of(), memberships(s, unverified), "an unverified address proves nothing");

            String newCompany = refId(s.record("contact", ids.get(10)), "company");
            s.sandbox.data().patch("contact", inactivated, Map.of("isInactive", true));
            s.sandbox.data().delete("contact", deleted);
            s.sandbox.data().patch("contact", moved, Map.of("company", Map.of("id", newCompany)));
            SyncRun incremental = s.sync(false);
            assertEquals("incremental", incremental.mode());
            assertEquals(2, incremental.updated());
            assertEquals(1, incremental.deleted());
            assertMatchesSource(s);

            assertEquals(List.of(organizationOf(s, withUser)), memberships(s, users.get(withUser)));
            assertEquals(List.of(), memberships(s, users.get(inactivated)), "inactive in NetSuite");
            assertEquals(List.of(), memberships(s, users.get(deleted)), "deleted in NetSuite");
            assertEquals(List.of(s.organizations().get(newCompany)), memberships(s, users.get(moved)),
                    "moved to another customer");
        }
    }

    /** Portico's contacts and links are NetSuite's: every active contact with an email is linked, no other. */
    private static void assertMatchesSource(SandboxSync s) {
        List<Long> ids = s.sourceIds(SOURCE);
        Map<Long, Map<String, Object>> rows = s.rows(
                "SELECT * FROM ns_entity WHERE record_type = 'contact' AND archived_at IS NULL");
        assertEquals(new TreeSet<>(ids), new TreeSet<>(rows.keySet()), "the same contacts");
        Map<Long, Map<String, Object>> links = new TreeMap<>();
        for (Map<String, Object> l : s.list("SELECT * FROM contact_link")) {
            links.put(Long.valueOf((String) l.get("contact_netsuite_id")), l);
        }
        Map<String, Long> organizations = s.organizations();
        for (long id : ids) {
            Map<String, Object> rest = s.record("contact", id);
            Map<String, Object> row = rows.get(id);
            Map<String, Object> a = attributes(row);
            String where = "contact " + id;
            assertEquals(rest.get("entityId"), row.get("number"), where);
            assertEquals(rest.get("firstName") + " " + rest.get("lastName"), row.get("name"), where);
            assertEquals(rest.get("email"), row.get("email"), where);
            boolean inactive = Boolean.TRUE.equals(rest.get("isInactive"));
            assertEquals(inactive ? "inactive" : "active", row.get("status"), where);
            String company = refId(rest, "company");
            assertEquals(company, row.get("owner_netsuite_id"), where);
            assertEquals(organizations.get(company), row.get("organization_id"), where + " organization");
            assertEquals(Instant.parse((String) rest.get("lastModifiedDate")),
                    ((Timestamp) row.get("last_modified")).toInstant(), where + " last modified");
            assertEquals(rest.get("phone"), a.get("phone"), where);
            assertEquals(rest.get("title"), a.get("title"), where);
            assertEquals(rest.get("firstName"), a.get("firstName"), where);
            assertEquals(refName(rest, "company"), a.get("company"), where);

            Map<String, Object> link = links.remove(id);
            if (inactive || company == null || rest.get("email") == null) {
                assertEquals(null, link, where + " is not linked");
            } else {
                String email = ((String) rest.get("email")).toLowerCase(Locale.ROOT);
                assertEquals(company, link.get("customer_netsuite_id"), where + " link");
                assertEquals(email, link.get("email"), where + " link");
                assertEquals(email.substring(email.indexOf('@') + 1), link.get("email_domain"), where + " domain");
            }
        }
        assertTrue(links.isEmpty(), "links of contacts NetSuite no longer has: " + links.keySet());
    }

    private static SandboxSync start() {
        SandboxSync s = new SandboxSync(NetSuiteSandbox.builder().customers(15), ContactRecordType.NAME,
                db -> new ContactRecordType(new OrganizationsImpl(new IdentityStore(db.database()))));
        s.createCustomerOrganizations();
        return s;
    }

    private static long organizationOf(SandboxSync s, long contact) {
        return s.organizations().get(refId(s.record("contact", contact), "company"));
    }

    private static long user(SandboxSync s, String email, boolean verified) {
        return (Long) s.list("INSERT INTO app_user (tenant_id, email, email_verified_at) SELECT id, ?, "
                + (verified ? "now()" : "NULL") + " FROM organization WHERE kind = 'operator' RETURNING id",
                email.toUpperCase(Locale.ROOT)).get(0).get("id");
    }

    private static List<Long> memberships(SandboxSync s, long user) {
        return s.list("SELECT organization_id FROM membership WHERE user_id = ? AND status = 'active' "
                + "ORDER BY organization_id", user).stream().map(r -> (Long) r.get("organization_id")).toList();
    }
}
