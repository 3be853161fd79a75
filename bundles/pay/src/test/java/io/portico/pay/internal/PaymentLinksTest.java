package io.portico.pay.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portico.api.identity.DataScope;
import io.portico.api.web.ProblemException;
import io.portico.testing.TestDatabase;
import java.math.BigDecimal;
import java.net.URI;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.apache.ibatis.session.SqlSessionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * No-login payment links against PostgreSQL and a fake processor: a link pays its invoices and nothing else, shows
 * current balances, and a tampered, expired or withdrawn link is refused in its own words.
 */
class PaymentLinksTest {

    private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");
    private static final URI RETURN = URI.create("http://portal.test/pay/l/x/return");

    private static TestDatabase db;
    private static FakeProcessor processor;
    private static Checkout checkout;
    private static PaymentLinks links;
    private static SqlSessionFactory sessions;
    private static DataScope staff;
    private static DataScope acme;
    private static DataScope globex;
    private static long tenant;

    @BeforeAll
    static void payOn() throws Exception {
        db = TestDatabase.create();
        processor = new FakeProcessor();
        sessions = db.database().sessionFactory(PayMapper.class);
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        checkout = new Checkout(sessions, name -> "fake".equals(name) ? Optional.of(processor) : Optional.empty(),
                clock);
        links = new PaymentLinks(sessions, checkout.ledger(), clock);
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            tenant = id(s, "SELECT id FROM organization WHERE kind = 'operator'");
            long acmeId = customer(s, "Acme", 100, 1);
            long globexId = customer(s, "Globex", 200, 2);
            staff = new DataScope(tenant, null);
            acme = new DataScope(tenant, acmeId);
            globex = new DataScope(tenant, globexId);
        }
        try (var session = sessions.openSession(true)) {
            session.getMapper(PayMapper.class).saveSettings(new PaySettings(tenant, true, "fake", "acct_fake",
                    BigDecimal.ZERO, "NV", false, false, BigDecimal.ZERO, BigDecimal.ZERO, true, BigDecimal.ONE));
        }
    }

    /** A customer with invoices {@code base+1..base+9} of 200.00 USD each. */
    private static long customer(Statement s, String name, int base, int netsuiteId) throws Exception {
        long id = id(s, "INSERT INTO organization (tenant_id, kind, name, netsuite_id) VALUES (" + tenant
                + ", 'customer', '" + name + "', '" + netsuiteId + "') RETURNING id");
        for (int i = 1; i <= 9; i++) {
            s.execute("INSERT INTO ns_transaction (tenant_id, organization_id, record_type, netsuite_id, number,"
                    + " status, total, amount_remaining, currency, content_hash, sync_generation) VALUES (" + tenant
                    + ", " + id + ", 'invoice', " + (base + i) + ", '" + name + "-" + i + "', 'open', 200, 200, 'USD',"
                    + " 0, 0)");
        }
        return id;
    }

    @AfterAll
    static void drop() {
        db.close();
    }

    private static long id(Statement s, String sql) throws Exception {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Payment pay(PayLink link, long invoice, String amount, String method) {
        Payer payer = PaymentLinks.payer(link, "ap@acme.test");
        Payment payment = checkout.open(payer, PaymentLinks.ofLink(link,
                List.of(new Allocation(invoice, new BigDecimal(amount)))));
        checkout.prepare(payer, payment, "Invoices");
        return checkout.confirm(payer, payment.publicId(), method, RETURN).payment();
    }

    private static ProblemException refused(Executable call) {
        return assertThrows(ProblemException.class, call);
    }

    @Test
    void aLinkPaysAnInvoiceWithoutAnAccount() {
        PaymentLinks.Created created = links.create(staff, null, List.of(101L, 102L), null);
        assertEquals(43, created.token().length(), "256 bits in URL-safe base64");
        PayLink link = links.open(created.token());
        assertEquals(acme.organizationId(), link.organizationId(), "bound to the invoices' customer");
        assertEquals(NOW.plus(Duration.ofDays(30)), link.expiresAt(), "30 days by default");
        Payment paid = pay(link, 101, "200.00", "credit");
        assertEquals("succeeded", paid.status());
        assertEquals(link.id(), paid.linkId());
        assertNull(paid.userId());
        assertEquals("ap@acme.test", paid.payerEmail(), "the receipt goes to the email given");
        assertEquals(paid.id(), links.payment(link, paid.publicId()).id());
    }

    @Test
    void onlyTheTokensHashIsStoredAndOpeningIsRecorded() throws Exception {
        PaymentLinks.Created created = links.create(acme, null, List.of(103L), 7);
        assertNull(created.link().lastOpenedAt());
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT token_sha256 = sha256(convert_to('" + created.token()
                        + "', 'UTF8')), position(convert_to('" + created.token() + "', 'UTF8') IN token_sha256)"
                        + " FROM pay_link WHERE id = " + created.link().id())) {
            assertTrue(rs.next());
            assertTrue(rs.getBoolean(1), "the SHA-256 of the token");
            assertEquals(0, rs.getInt(2));
        }
        links.open(created.token());
        assertNotNull(links.find(created.token()).lastOpenedAt());
        assertEquals(NOW.plus(Duration.ofDays(7)), created.link().expiresAt());
    }

    @Test
    void aTamperedExpiredOrWithdrawnLinkIsRefusedEachInItsOwnWords() {
        String token = links.create(staff, null, List.of(104L), 1).token();
        char last = token.charAt(42);
        String tampered = token.substring(0, 42) + (last == 'A' ? 'B' : 'A');
        ProblemException unknown = refused(() -> links.find(tampered));
        assertEquals(404, unknown.status());
        assertTrue(unknown.detail().startsWith("This payment link is not valid"), unknown.detail());
        ProblemException malformed = refused(() -> links.find("not-a-token' OR 1=1 --"));
        assertEquals(unknown.detail(), malformed.detail(), "junk and a well-formed unknown token say the same");

        PaymentLinks later = new PaymentLinks(sessions, checkout.ledger(),
                Clock.fixed(NOW.plus(Duration.ofDays(1)), ZoneOffset.UTC));
        ProblemException expired = refused(() -> later.find(token));
        assertEquals(410, expired.status());
        assertTrue(expired.detail().startsWith("This payment link expired on 7 December 2026"), expired.detail());

        PayLink link = links.find(token);
        assertEquals("revoked", PayLinkView.of(links.revoke(acme, link.id()), false, null).status());
        ProblemException withdrawn = refused(() -> links.find(token));
        assertEquals(410, withdrawn.status());
        assertTrue(withdrawn.detail().startsWith("This payment link was withdrawn"), withdrawn.detail());
        assertNotEquals(expired.detail(), withdrawn.detail());
        links.revoke(acme, link.id());
        assertEquals(410, refused(() -> links.find(token)).status(), "withdrawing twice changes nothing");
    }

    @Test
    void anotherLinksTokenCannotReachAPayment() {
        PayLink first = links.find(links.create(staff, null, List.of(105L), null).token());
        PayLink second = links.find(links.create(staff, null, List.of(105L, 106L), null).token());
        Payment paid = pay(first, 105, "50.00", "credit");
        assertEquals(404, refused(() -> links.payment(second, paid.publicId())).status(),
                "a link of the same customer does not reach another link's payment");
        Payer signedIn = new Payer(acme, null, null, "user@acme.test");
        Payment own = checkout.open(signedIn, List.of(new Allocation(107, BigDecimal.TEN)));
        assertEquals(404, refused(() -> links.payment(first, own.publicId())).status(),
                "nor a signed-in user's payment");
    }

    @Test
    void aLinkPaysItsOwnInvoicesOnlyAndNeverMoreThanIsLeft() {
        PayLink link = links.find(links.create(staff, null, List.of(108L), null).token());
        assertEquals(404, refused(() -> PaymentLinks.ofLink(link,
                List.of(new Allocation(109, BigDecimal.TEN)))).status(), "an invoice of the customer not on the link");
        assertEquals(404, refused(() -> PaymentLinks.ofLink(link,
                List.of(new Allocation(201, BigDecimal.TEN)))).status(), "another customer's invoice");
        assertEquals(400, refused(() -> pay(link, 108, "200.01", "credit")).status());
        assertEquals(400, refused(() -> PaymentLinks.payer(link, "not an address")).status());
    }

    @Test
    void aLinkShowsCurrentBalancesAndAPaidInvoiceSaysSo() throws Exception {
        PayLink link = links.find(links.create(globex, null, List.of(202L, 203L), null).token());
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("UPDATE ns_transaction SET amount_remaining = 150 WHERE netsuite_id = 202 AND tenant_id = "
                    + tenant);
        }
        pay(link, 203, "200.00", "credit");
        List<InvoiceBalance> now = checkout.ledger().balances(PaymentLinks.scope(link), link.invoiceIds());
        assertEquals(0, new BigDecimal("150").compareTo(now.get(0).payable()), "as synced since the link was made");
        assertEquals(0, now.get(1).payable().signum(), "paid through the link");
        assertEquals(409, refused(() -> links.create(globex, null, List.of(203L), null)).status(),
                "no link asks for a paid invoice");
        assertEquals(409, refused(() -> pay(link, 203, "1.00", "credit")).status(), "nor pays it twice");
    }

    @Test
    void linksAreMadeAndWithdrawnWithinTheScopeOnly() {
        assertEquals(404, refused(() -> links.create(acme, null, List.of(204L), null)).status(),
                "another customer's invoice is not found");
        assertEquals(400, refused(() -> links.create(staff, null, List.of(101L, 204L), null)).status(),
                "one customer per link");
        assertEquals(400, refused(() -> links.create(staff, null, List.of(204L), 0)).status());
        assertEquals(400, refused(() -> links.create(staff, null, List.of(204L), 91)).status());
        PayLink link = links.create(globex, null, List.of(204L), 90).link();
        assertEquals(404, refused(() -> links.revoke(acme, link.id())).status(), "another customer's link");
        assertTrue(links.list(acme, null).stream().noneMatch(l -> l.id() == link.id()));
        assertTrue(links.list(staff, null).stream().anyMatch(l -> l.id() == link.id()));
        assertTrue(links.list(staff, acme.organizationId()).stream().noneMatch(l -> l.id() == link.id()),
                "staff see one customer's links when they ask");
        assertTrue(links.list(acme, globex.organizationId()).isEmpty(), "the filter never widens the scope");
        assertEquals("Globex-4", links.list(globex, null).get(0).invoiceNumbers());
        assertNull(links.find(links.create(globex, null, List.of(205L), null).token()).revokedAt());
    }
}
