package io.portico.plugins.contact.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.portico.api.recordtype.SyncedRecord;
import io.portico.identity.internal.org.OrganizationsImpl;
import io.portico.identity.internal.store.IdentityStore;
import io.portico.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the record type asks identity to link, against identity's real {@code Organizations} and database. */
class ContactLinkingTest {

    private TestDatabase db;
    private long acme;
    private ContactRecordType type;

    @BeforeEach
    void setUp() {
        db = TestDatabase.create();
        acme = queryLong("INSERT INTO organization (tenant_id, kind, name, netsuite_id) SELECT id, 'customer', "
                + "'Acme Corp', '1001' FROM organization WHERE kind = 'operator' RETURNING id");
        type = new ContactRecordType(new OrganizationsImpl(new IdentityStore(db.database())));
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void theRecordTypeLinksActiveContactsAndUnlinksTheRest() {
        long alice = queryLong("INSERT INTO app_user (tenant_id, email, email_verified_at) SELECT id, "
                + "'alice@acme.com', now() FROM organization WHERE kind = 'operator' RETURNING id");
        SyncedRecord active = SyncedRecord.builder(2001).owner("1001").name("Alice").email(" ALICE@acme.com ")
                .status("active").build();

        type.beforeCommit(active);
        assertEquals(List.of("member/active"), memberships(alice));
        assertEquals("alice@acme.com", queryString("SELECT email FROM contact_link WHERE contact_netsuite_id = "
                + "'2001'"), "identity normalises the email");

        type.beforeCommit(SyncedRecord.builder(2001).owner("1001").name("Alice").email("alice@acme.com")
                .status("inactive").build());
        assertEquals(List.of(), memberships(alice), "inactive in NetSuite");

        type.beforeCommit(active);
        type.beforeCommit(SyncedRecord.builder(2001).owner("1001").name("Alice").email("not an address")
                .status("active").build());
        assertEquals(List.of(), memberships(alice), "the email is no longer usable");

        type.beforeCommit(active);
        type.beforeCommit(SyncedRecord.builder(2001).owner("1001").name("Alice").email(null).status("active")
                .build());
        assertEquals(List.of(), memberships(alice), "no email any more");

        type.beforeCommit(active);
        type.beforeCommit(SyncedRecord.builder(2001).name("Alice").email("alice@acme.com").status("active").build());
        assertEquals(List.of(), memberships(alice), "no company any more");

        type.beforeCommit(active);
        type.beforeDelete(2001);
        type.beforeDelete(2001);
        assertEquals(List.of(), memberships(alice), "deleted in NetSuite");
        assertEquals(0L, queryLong("SELECT count(*) FROM contact_link"));
        assertEquals(5L, queryLong("SELECT count(*) FROM audit_log WHERE action = 'membership.removed' "
                + "AND actor = 'system:contact-sync' AND subject = 'alice@acme.com'"));
    }

    private List<String> memberships(long user) {
        List<String> out = new ArrayList<>();
        try (Connection c = db.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT role, status FROM membership WHERE user_id = ? AND organization_id = ?")) {
            ps.setLong(1, user);
            ps.setLong(2, acme);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1) + "/" + rs.getString(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    private long queryLong(String sql) {
        return Long.parseLong(queryString(sql));
    }

    private String queryString(String sql) {
        try (Connection c = db.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql);
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
