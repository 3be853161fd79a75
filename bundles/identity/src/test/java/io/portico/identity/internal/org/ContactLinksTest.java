package io.portico.identity.internal.org;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portico.api.identity.ContactLink;
import io.portico.api.identity.CustomerOrganization;
import io.portico.api.identity.Role;
import io.portico.identity.internal.IdentityTestDatabase;
import io.portico.identity.internal.user.MembershipMapper;
import io.portico.identity.internal.user.UserMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Contact links through {@code Organizations}: the memberships they give and take back, against a migrated database.
 * Each test uses NetSuite ids and emails of its own.
 */
class ContactLinksTest {

    private static IdentityTestDatabase db;
    private static OrganizationsImpl organizations;
    private static long tenant;

    @BeforeAll
    static void createDatabase() {
        db = new IdentityTestDatabase();
        organizations = new OrganizationsImpl(db.store());
        tenant = organizations.operator().id();
    }

    @AfterAll
    static void dropDatabase() {
        db.close();
    }

    @Test
    void aVerifiedUserWithTheContactsEmailJoinsTheOrganizationOnce() {
        long acme = customer("100", "Acme Corp");
        long alice = user("Alice@acme.example", true);
        long bob = user("bob@acme.example", false);

        organizations.linkContact(new ContactLink("1001", "100", " ALICE@Acme.example "));
        organizations.linkContact(new ContactLink("1002", "100", "bob@acme.example"));

        assertEquals(List.of("member/active"), memberships(alice, acme));
        assertEquals(List.of(), memberships(bob, acme), "an unverified address proves nothing");
        assertEquals(1, audit("membership.added", "Alice@acme.example", acme));
        organizations.linkContact(new ContactLink("1001", "100", "alice@acme.example"));
        assertEquals(1, audit("membership.added", "Alice@acme.example", acme), "linking again changes nothing");
        assertEquals("alice@acme.example|acme.example", queryString("SELECT email || '|' || email_domain "
                + "FROM contact_link WHERE contact_netsuite_id = '1001'"));
    }

    @Test
    void anUnlinkedContactTakesBackOnlyTheMembershipItGave() {
        long acme = customer("110", "Acme Two");
        long alice = user("alice@two.example", true);
        long carol = user("carol@two.example", true);
        execute("INSERT INTO membership (user_id, organization_id, role) VALUES (?, ?, 'member')", carol, acme);
        organizations.linkContact(new ContactLink("1101", "110", "alice@two.example"));
        organizations.linkContact(new ContactLink("1103", "110", "carol@two.example"));

        assertTrue(organizations.unlinkContact("1101"));
        assertTrue(organizations.unlinkContact(" 1103 "));
        assertFalse(organizations.unlinkContact("1103"), "unlinking again changes nothing");

        assertEquals(List.of(), memberships(alice, acme));
        assertEquals(List.of("member/active"), memberships(carol, acme), "a member before: not the link's to take");
        assertEquals(1, audit("membership.removed", "alice@two.example", acme));
        assertEquals(0, audit("membership.removed", "carol@two.example", acme));
        assertEquals(0L, queryLong("SELECT count(*) FROM contact_link WHERE customer_netsuite_id = '110'"));
    }

    @Test
    void aMovedContactMovesItsMembershipAndAChangedEmailChangesItsUser() {
        long acme = customer("120", "Acme Three");
        long globex = customer("121", "Globex Three");
        long alice = user("alice@three.example", true);
        long dave = user("dave@three.example", true);
        organizations.linkContact(new ContactLink("1201", "120", "alice@three.example"));

        organizations.linkContact(new ContactLink("1201", "121", "alice@three.example"));
        assertEquals(List.of(), memberships(alice, acme), "the old customer's membership is taken back");
        assertEquals(List.of("member/active"), memberships(alice, globex), "the new customer's is given");

        organizations.linkContact(new ContactLink("1201", "121", "dave@three.example"));
        assertEquals(List.of(), memberships(alice, globex));
        assertEquals(List.of("member/active"), memberships(dave, globex));
        assertEquals(1, audit("membership.removed", "alice@three.example", globex));
    }

    @Test
    void aMembershipStaysWhileAnotherContactStillJustifiesIt() {
        long acme = customer("130", "Acme Four");
        long alice = user("alice@four.example", true);
        organizations.linkContact(new ContactLink("1301", "130", "alice@four.example"));
        organizations.linkContact(new ContactLink("1302", "130", "alice@four.example"));

        organizations.unlinkContact("1301");
        assertEquals(List.of("member/active"), memberships(alice, acme));
        organizations.unlinkContact("1302");
        assertEquals(List.of(), memberships(alice, acme));
    }

    @Test
    void aRoleAnAdministratorChangedIsLeftAlone() {
        long acme = customer("140", "Acme Five");
        long alice = user("alice@five.example", true);
        organizations.linkContact(new ContactLink("1401", "140", "alice@five.example"));
        execute("UPDATE membership SET role = 'admin' WHERE user_id = ?", alice);

        organizations.unlinkContact("1401");
        assertEquals(List.of("admin/active"), memberships(alice, acme));
        organizations.linkContact(new ContactLink("1401", "140", "alice@five.example"));
        execute("UPDATE membership SET role = 'member' WHERE user_id = ?", alice);
        organizations.unlinkContact("1401");
        assertEquals(List.of("member/active"), memberships(alice, acme), "it became the administrator's");
    }

    @Test
    void aCustomerSyncedAfterItsContactsGetsTheirUsersAtOnce() {
        long erin = user("erin@six.example", true);
        organizations.linkContact(new ContactLink("1501", "150", "erin@six.example"));
        assertEquals(0L, queryLong("SELECT count(*) FROM membership WHERE user_id = " + erin), "no customer yet");

        long initech = organizations.upsertCustomer(new CustomerOrganization("150", "Initech", List.of(), null,
                null, null, Map.of())).id();
        assertEquals(List.of("member/active"), memberships(erin, initech));

        organizations.archiveCustomer("150");
        organizations.unlinkContact("1501");
        organizations.linkContact(new ContactLink("1501", "150", "erin@six.example"));
        assertEquals(List.of(), memberships(erin, initech), "an archived organization is joined by no one");
        organizations.upsertCustomer(new CustomerOrganization("150", "Initech", List.of(), null, null, null,
                Map.of()));
        assertEquals(List.of("member/active"), memberships(erin, initech), "un-archived, it is joined at once");
    }

    @Test
    void aLinkMadeWhileItsUserVerifiesTheirEmailIsNotMissed() throws Exception {
        long acme = customer("190", "Acme Ten");
        long hal = user("hal@ten.example", false);
        ExecutorService sync = Executors.newSingleThreadExecutor();
        try {
            Future<?> linking = db.store().write(s -> {
                s.getMapper(UserMapper.class).markVerified(hal);
                assertEquals(0, organizations.joinContactOrganizations(s, hal), "no link yet");
                Future<?> started = sync.submit(() -> organizations.linkContact(
                        new ContactLink("1901", "190", "hal@ten.example")));
                awaitLockWaiter(started);
                return started;
            });
            linking.get(10, TimeUnit.SECONDS);
        } finally {
            sync.shutdownNow();
        }
        assertEquals(List.of("member/active"), memberships(hal, acme),
                "the link waited for the verification to commit, then saw it");
    }

    @Test
    void aMemberAnAdministratorRemovedIsGivenByNoLinkUntilInvitedAgain() {
        long acme = customer("200", "Acme Eleven");
        long ida = user("ida@eleven.example", true);
        organizations.linkContact(new ContactLink("2001", "200", "ida@eleven.example"));
        removedByAnAdministrator(ida, acme);

        organizations.linkContact(new ContactLink("2001", "200", "ida@eleven.example"));
        organizations.unlinkContact("2001");
        organizations.linkContact(new ContactLink("2002", "200", "ida@eleven.example"));
        db.store().write(s -> organizations.joinContactOrganizations(s, ida));
        organizations.archiveCustomer("200");
        customer("200", "Acme Eleven");
        assertEquals(List.of(), memberships(ida, acme), "neither a new link, a verification nor an un-archived "
                + "organization gives it back");
        assertEquals(0L, queryLong("SELECT count(*) FROM contact_membership WHERE user_id = " + ida));

        db.store().write(s -> s.getMapper(MembershipMapper.class).upsert(ida, acme, Role.VIEWER, "active"));
        organizations.unlinkContact("2002");
        assertEquals(List.of("viewer/active"), memberships(ida, acme), "the invitation's, no link's to take back");
        assertEquals(0L, queryLong("SELECT count(*) FROM contact_membership_refusal WHERE user_id = " + ida));
    }

    @Test
    void disabledUsersAreNotJoined() {
        long acme = customer("160", "Acme Seven");
        long gina = user("gina@seven.example", true);
        execute("UPDATE app_user SET status = 'disabled' WHERE id = ?", gina);
        organizations.linkContact(new ContactLink("1601", "160", "gina@seven.example"));
        assertEquals(List.of(), memberships(gina, acme));
    }

    @Test
    void badInputIsRefusedWithAClearMessageAndNothingIsStored() {
        customer("170", "Acme Eight");
        assertEquals("email is not a single mail address: 'ap@acme.example, ar@acme.example'", refused(
                new ContactLink("1701", "170", "ap@acme.example, ar@acme.example")));
        assertEquals("email is required", refused(new ContactLink("1701", "170", "  ")));
        assertEquals("contactNetsuiteId is required", refused(new ContactLink(null, "170", "ap@acme.example")));
        assertEquals("customerNetsuiteId is longer than 64 characters",
                refused(new ContactLink("1701", "1".repeat(65), "ap@acme.example")));
        assertEquals("link is required", refused(null));
        assertEquals("contactNetsuiteId is required", assertThrows(IllegalArgumentException.class,
                () -> organizations.unlinkContact(" ")).getMessage());
        assertEquals(0L, queryLong("SELECT count(*) FROM contact_link WHERE contact_netsuite_id = '1701'"));
    }

    @Test
    void onlySingleWellFormedAddressesAreLinkable() {
        assertTrue(organizations.isLinkableEmail("  AP@Acme.COM "));
        assertTrue(organizations.isLinkableEmail("first.last+tag@mail.acme.co.uk"));
        for (String bad : new String[] {null, "", "acme.com", "ap@", "@acme.com", "ap@acme", "a p@acme.com",
                "ap@acme.com, ar@acme.com", "ap@-acme.com", "x".repeat(250) + "@acme.com"}) {
            assertFalse(organizations.isLinkableEmail(bad), bad);
        }
    }

    @Test
    void linksNeverReachAnotherTenant() {
        long acme = customer("180", "Acme Nine");
        long other = queryLong("INSERT INTO organization (tenant_id, kind, name) VALUES (NULL, 'operator', "
                + "'Another operator') RETURNING id");
        long otherAcme = queryLong("INSERT INTO organization (tenant_id, kind, name, netsuite_id) VALUES (" + other
                + ", 'customer', 'Their Acme', '180') RETURNING id");
        long theirs = queryLong("INSERT INTO app_user (tenant_id, email, email_verified_at) VALUES (" + other
                + ", 'pat@nine.example', now()) RETURNING id");
        execute("INSERT INTO contact_link (tenant_id, contact_netsuite_id, customer_netsuite_id, email, email_domain) "
                + "VALUES (?, '1801', '180', 'pat@nine.example', 'nine.example')", other);
        long ours = user("pat@nine.example", true);

        organizations.linkContact(new ContactLink("1801", "180", "pat@nine.example"));
        organizations.upsertCustomer(new CustomerOrganization("180", "Acme Nine", List.of(), null, null, null,
                Map.of()));
        assertEquals(List.of("member/active"), memberships(ours, acme));
        assertEquals(List.of(), memberships(theirs, acme));
        assertEquals(List.of(), memberships(ours, otherAcme));
        assertEquals(List.of(), memberships(theirs, otherAcme), "their link is theirs to apply");

        organizations.unlinkContact("1801");
        assertEquals(1L, queryLong("SELECT count(*) FROM contact_link WHERE tenant_id = " + other));
        assertEquals(0L, queryLong("SELECT count(*) FROM audit_log WHERE tenant_id = " + other));
    }

    // ------------------------------------------------------------------ helpers

    /** Waits until another session waits for an advisory lock (or {@code work} ended without waiting). */
    private static void awaitLockWaiter(Future<?> work) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!work.isDone() && System.nanoTime() < deadline) {
            if (queryLong("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                    + "AND wait_event_type = 'Lock' AND wait_event = 'advisory'") > 0) {
                return;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
    }

    /** As {@code MemberAdmin.remove} does it. */
    private static void removedByAnAdministrator(long user, long organization) {
        db.store().write(s -> {
            organizations.refuseContactMembership(s, user, organization);
            MembershipMapper memberships = s.getMapper(MembershipMapper.class);
            return memberships.delete(memberships.find(user, organization).id());
        });
    }

    private static String refused(ContactLink link) {
        return assertThrows(IllegalArgumentException.class, () -> organizations.linkContact(link)).getMessage();
    }

    private static long customer(String netsuiteId, String name) {
        return organizations.upsertCustomer(new CustomerOrganization(netsuiteId, name, List.of(), null, null, null,
                Map.of())).id();
    }

    private static long user(String email, boolean verified) {
        return queryLong("INSERT INTO app_user (tenant_id, email, email_verified_at) VALUES (" + tenant + ", '"
                + email + "', " + (verified ? "now()" : "NULL") + ") RETURNING id");
    }

    private static List<String> memberships(long user, long organization) {
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

    private static long audit(String action, String subject, long organization) {
        return queryLong("SELECT count(*) FROM audit_log WHERE action = '" + action + "' AND subject = '" + subject
                + "' AND organization_id = " + organization + " AND actor = '" + ContactLinks.ACTOR
                + "' AND tenant_id = " + tenant);
    }

    private static void execute(String sql, Object... params) {
        try (Connection c = db.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long queryLong(String sql) {
        return Long.parseLong(queryString(sql));
    }

    private static String queryString(String sql) {
        try (Connection c = db.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql);
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
