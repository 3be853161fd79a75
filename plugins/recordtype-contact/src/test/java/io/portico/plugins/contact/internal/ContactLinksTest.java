package io.portico.plugins.contact.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.portico.api.recordtype.SyncedRecord;
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

/** Contact links against a migrated database with identity's tables. */
class ContactLinksTest {

    private TestDatabase db;
    private long tenant;
    private long acme;
    private long globex;
    private ContactLinks links;

    @BeforeEach
    void setUp() {
        db = TestDatabase.create();
        tenant = queryLong("SELECT id FROM organization WHERE kind = 'operator'");
        acme = customer("1001", "Acme Corp");
        globex = customer("1002", "Globex");
        links = new ContactLinks(db.dataSource(), () -> tenant, false);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void aVerifiedUserWithTheContactsEmailJoinsTheOrganization() {
        long alice = user("Alice@Acme.com", true);
        long bob = user("bob@acme.com", false);

        links.link("2001", "1001", "alice@acme.com");
        links.link("2002", "1001", "bob@acme.com");

        assertEquals(List.of("member/active"), memberships(alice, acme));
        assertEquals(List.of(), memberships(bob, acme), "an unverified address proves nothing");
        assertEquals(1, audit("membership.added", "Alice@Acme.com"));

        links.link("2001", "1001", "alice@acme.com");
        assertEquals(1, audit("membership.added", "Alice@Acme.com"), "linking again changes nothing");
        assertEquals("acme.com", queryString("SELECT email_domain FROM contact_link WHERE contact_netsuite_id = '2001'"));
    }

    @Test
    void aContactRemovedInNetSuiteTakesBackOnlyTheMembershipItGave() {
        long alice = user("alice@acme.com", true);
        long carol = user("carol@acme.com", true);
        execute("INSERT INTO membership (user_id, organization_id, role) VALUES (?, ?, 'viewer')", carol, acme);
        links.link("2001", "1001", "alice@acme.com");
        links.link("2003", "1001", "carol@acme.com");

        links.unlink("2001");
        links.unlink("2003");
        links.unlink("2003");

        assertEquals(List.of(), memberships(alice, acme));
        assertEquals(List.of("viewer/active"), memberships(carol, acme), "invited before: not ours to take");
        assertEquals(1, audit("membership.removed", "alice@acme.com"));
        assertEquals(0L, queryLong("SELECT count(*) FROM contact_link"));
    }

    @Test
    void aMovedContactMovesItsMembershipAndAChangedEmailChangesItsUser() {
        long alice = user("alice@acme.com", true);
        long dave = user("dave@acme.com", true);
        links.link("2001", "1001", "alice@acme.com");

        links.link("2001", "1002", "alice@acme.com");
        assertEquals(List.of(), memberships(alice, acme));
        assertEquals(List.of("member/active"), memberships(alice, globex));

        links.link("2001", "1002", "dave@acme.com");
        assertEquals(List.of(), memberships(alice, globex));
        assertEquals(List.of("member/active"), memberships(dave, globex));
    }

    @Test
    void aMembershipStaysWhileAnotherContactStillJustifiesIt() {
        long alice = user("alice@acme.com", true);
        links.link("2001", "1001", "alice@acme.com");
        links.link("2004", "1001", "alice@acme.com");

        links.unlink("2001");
        assertEquals(List.of("member/active"), memberships(alice, acme));
        links.unlink("2004");
        assertEquals(List.of(), memberships(alice, acme));
    }

    @Test
    void aRoleAnAdministratorChangedIsLeftAlone() {
        long alice = user("alice@acme.com", true);
        links.link("2001", "1001", "alice@acme.com");
        execute("UPDATE membership SET role = 'admin' WHERE user_id = ?", alice);

        links.unlink("2001");
        assertEquals(List.of("admin/active"), memberships(alice, acme));
    }

    @Test
    void reconcilingPicksUpUsersWhoVerifyLaterAndCustomersSyncedLater() {
        long erin = user("erin@initech.com", false);
        links.link("2005", "1003", "erin@initech.com");
        links.link("2006", "1001", "frank@acme.com");

        execute("UPDATE app_user SET email_verified_at = now() WHERE id = ?", erin);
        long initech = customer("1003", "Initech");
        long frank = user("frank@acme.com", true);
        assertArrayEquals(new int[] {2, 0}, links.reconcile());
        assertEquals(List.of("member/active"), memberships(erin, initech));
        assertEquals(List.of("member/active"), memberships(frank, acme));

        execute("UPDATE app_user SET email = 'frank@elsewhere.example' WHERE id = ?", frank);
        assertArrayEquals(new int[] {0, 1}, links.reconcile(), "a user whose address changed loses the link");
        assertEquals(List.of(), memberships(frank, acme));
        assertArrayEquals(new int[] {0, 0}, links.reconcile());
    }

    @Test
    void archivedOrganizationsAndDisabledUsersAreNotJoined() {
        long alice = user("alice@acme.com", true);
        long gina = user("gina@globex.com", true);
        execute("UPDATE app_user SET status = 'disabled' WHERE id = ?", gina);
        execute("UPDATE organization SET archived_at = now() WHERE id = ?", acme);

        links.link("2001", "1001", "alice@acme.com");
        links.link("2007", "1002", "gina@globex.com");
        assertEquals(List.of(), memberships(alice, acme));
        assertEquals(List.of(), memberships(gina, globex));
    }

    @Test
    void theRecordTypeLinksActiveContactsAndUnlinksTheRest() {
        long alice = user("alice@acme.com", true);
        ContactRecordType type = new ContactRecordType(links);
        SyncedRecord active = SyncedRecord.builder(2001).owner("1001").name("Alice").email(" ALICE@acme.com ")
                .status("active").build();

        type.beforeCommit(active);
        assertEquals(List.of("member/active"), memberships(alice, acme));

        type.beforeCommit(SyncedRecord.builder(2001).owner("1001").name("Alice").email("alice@acme.com")
                .status("inactive").build());
        assertEquals(List.of(), memberships(alice, acme), "inactive in NetSuite");

        type.beforeCommit(active);
        type.beforeCommit(SyncedRecord.builder(2001).owner("1001").name("Alice").email("not an address")
                .status("active").build());
        assertEquals(List.of(), memberships(alice, acme), "the email is no longer usable");

        type.beforeCommit(active);
        type.beforeCommit(SyncedRecord.builder(2001).name("Alice").email("alice@acme.com").status("active").build());
        assertEquals(List.of(), memberships(alice, acme), "no company any more");

        type.beforeCommit(active);
        type.beforeDelete(2001);
        assertEquals(List.of(), memberships(alice, acme), "deleted in NetSuite");
        assertEquals(0L, queryLong("SELECT count(*) FROM contact_link"));
    }

    // ------------------------------------------------------------------ helpers

    private long customer(String netsuiteId, String name) {
        return queryLong("INSERT INTO organization (tenant_id, kind, name, netsuite_id) VALUES (" + tenant
                + ", 'customer', '" + name + "', '" + netsuiteId + "') RETURNING id");
    }

    private long user(String email, boolean verified) {
        return queryLong("INSERT INTO app_user (tenant_id, email, email_verified_at) VALUES (" + tenant + ", '"
                + email + "', " + (verified ? "now()" : "NULL") + ") RETURNING id");
    }

    private List<String> memberships(long user, long organization) {
        List<String> out = new ArrayList<>();
        try (Connection c = db.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT role, status FROM membership WHERE user_id = ? AND organization_id = ?")) {
            ps.setLong(1, user);
            ps.setLong(2, organization);
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

    private long audit(String action, String subject) {
        return queryLong("SELECT count(*) FROM audit_log WHERE action = '" + action + "' AND subject = '" + subject
                + "' AND actor = '" + ContactLinks.ACTOR + "'");
    }

    private void execute(String sql, Object... params) {
        try (Connection c = db.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
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
