package io.portico.pay.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portico.api.payment.ProcessorAccount;
import io.portico.api.web.ProblemException;
import io.portico.testing.TestDatabase;
import java.math.BigDecimal;
import java.net.URI;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Settings &gt; Pay against PostgreSQL and a fake processor: validation, the enable rule, the audit log. */
class PayAdminTest {

    private static final URI BACK = URI.create("http://portal.test/admin/pay");

    private static TestDatabase db;
    private static FakeProcessor processor;
    private static PayAdmin admin;
    private static WritebackAdmin writeback;
    private static long tenant;
    private static long acme;
    private static PayActor actor;

    @BeforeAll
    static void database() throws Exception {
        db = TestDatabase.create();
        processor = new FakeProcessor();
        var sessions = db.database().sessionFactory(PayMapper.class);
        var lookup = (java.util.function.Function<String, Optional<io.portico.api.payment.PaymentProcessor>>)
                name -> "fake".equals(name) ? Optional.of(processor) : Optional.empty();
        admin = new PayAdmin(sessions, new Checkout(sessions, lookup, Clock.systemUTC()), lookup,
                () -> List.of("fake"));
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            tenant = id(s, "SELECT id FROM organization WHERE kind = 'operator'");
            acme = id(s, "INSERT INTO organization (tenant_id, kind, name, netsuite_id) VALUES (" + tenant
                    + ", 'customer', 'Acme', '100') RETURNING id");
        }
        actor = new PayActor(tenant, null, "console:test");
        writeback = new WritebackAdmin(db.database().sessionFactory(PayMapper.class, WritebackMapper.class));
    }

    @BeforeEach
    void fresh() throws Exception {
        processor.accountState = ProcessorAccount.State.READY;
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("DELETE FROM pay_fee_exemption");
            s.execute("DELETE FROM pay_settings");
            s.execute("DELETE FROM pay_writeback_settings");
        }
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

    private static PaySettingsForm form(String surcharge, String state, String bankFee, List<String> exempt) {
        return new PaySettingsForm(surcharge, state, false, true, bankFee, "0", true, "5", exempt);
    }

    private static String invalidField(PaySettingsForm form) {
        return assertThrows(InvalidSettingException.class, () -> admin.save(actor, form)).field();
    }

    @Test
    void validSettingsAreSavedWithTheirExemptionsAndAudited() throws Exception {
        PaySettings saved = admin.save(actor, form("2.5", " co ", "1.50", List.of(String.valueOf(acme))));
        assertEquals(0, new BigDecimal("2.5").compareTo(saved.cardSurchargePercent()));
        assertEquals("CO", saved.operatorState());
        PaySettings read = admin.settings(tenant);
        assertEquals(0, new BigDecimal("1.50").compareTo(read.bankFee()));
        assertTrue(read.customersAreBusinesses());
        assertEquals(List.of(acme), admin.exemptions(tenant));
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT actor, detail->>'operatorState' FROM audit_log"
                        + " WHERE action = 'pay.settings_saved' ORDER BY id DESC LIMIT 1")) {
            assertTrue(rs.next());
            assertEquals("console:test", rs.getString(1));
            assertEquals("CO", rs.getString(2));
        }
    }

    @Test
    void eachInvalidFieldIsNamedAndNothingIsSaved() {
        assertEquals("cardSurchargePercent", invalidField(form("3.01", "CO", "0", List.of())));
        assertEquals("cardSurchargePercent", invalidField(form("-1", "CO", "0", List.of())));
        assertEquals("cardSurchargePercent", invalidField(form("two", "CO", "0", List.of())));
        assertEquals("operatorState", invalidField(form("1", "Colorado", "0", List.of())));
        assertEquals("bankFee", invalidField(form("1", "CO", "1.005", List.of())));
        assertEquals("exempt", invalidField(form("1", "CO", "0", List.of("x"))));
        assertEquals("exempt", invalidField(form("1", "CO", "0", List.of(String.valueOf(tenant)))),
                "the operator is not a customer to exempt");
        assertEquals(400, assertThrows(ProblemException.class,
                () -> admin.save(actor, form("9", "CO", "0", List.of()))).status());
        assertEquals(0, BigDecimal.ZERO.compareTo(admin.settings(tenant).cardSurchargePercent()));
    }

    private static WritebackSettingsForm netsuite(String account, String method, String zone, String fees,
            String reversal, String field, String minutes) {
        return new WritebackSettingsForm(account, method, zone, fees, reversal, field, minutes);
    }

    private static String invalidField(WritebackSettingsForm form) {
        return assertThrows(InvalidSettingException.class, () -> writeback.save(actor, form)).field();
    }

    @Test
    void theNetSuiteWriteBackSettingsAreSavedAndAudited() throws Exception {
        assertEquals(null, writeback.settings(tenant), "none before the first save: payments wait");
        WritebackSettingsForm empty = WritebackSettingsForm.of(null);
        assertEquals("60", empty.warnAfterMinutes());
        assertEquals("customer_refund", empty.reversalMode());

        writeback.save(actor, netsuite(" 112 ", "", "America/New_York", "none", "void",
                " CUSTBODY_Portico_Pay_Link ", "90"));

        WritebackSettings read = writeback.settings(tenant);
        assertEquals("112", read.accountId());
        assertEquals(null, read.paymentMethodId());
        assertEquals("America/New_York", read.timeZone());
        assertEquals("none", read.feeRecording());
        assertEquals("void", read.reversalMode());
        assertEquals("custbody_portico_pay_link", read.payLinkField(), "NetSuite's field ids are lower case");
        assertEquals(90, read.warnAfterMinutes());
        assertEquals("112", WritebackSettingsForm.of(read).accountId(), "shown as saved");
        writeback.save(actor, netsuite("1", "3", "", "memo", "customer_refund", "", "60"));
        WritebackSettings changed = writeback.settings(tenant);
        assertEquals("3", changed.paymentMethodId());
        assertEquals("America/Los_Angeles", changed.timeZone(), "the default when left empty");
        assertEquals(null, changed.payLinkField());
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT actor, detail->>'reversalMode', detail->>'payLinkField'"
                        + " FROM audit_log WHERE action = 'pay.writeback_saved' ORDER BY id")) {
            assertTrue(rs.next());
            assertEquals("console:test", rs.getString(1));
            assertEquals("void", rs.getString(2));
            assertEquals("custbody_portico_pay_link", rs.getString(3));
            assertTrue(rs.next());
            assertEquals("customer_refund", rs.getString(2));
        }
    }

    @Test
    void eachInvalidWriteBackFieldIsNamedAndNothingIsSaved() {
        assertEquals("accountId", invalidField(netsuite("", "", "", "memo", "void", "", "60")));
        assertEquals("accountId", invalidField(netsuite("Undeposited Funds", "", "", "memo", "void", "", "60")));
        assertEquals("paymentMethodId", invalidField(netsuite("1", "-3", "", "memo", "void", "", "60")));
        assertEquals("timeZone", invalidField(netsuite("1", "", "Mars/Olympus", "memo", "void", "", "60")));
        assertEquals("timeZone", invalidField(netsuite("1", "", "PST", "memo", "void", "", "60")));
        assertEquals("feeRecording", invalidField(netsuite("1", "", "", "income", "void", "", "60")));
        assertEquals("reversalMode", invalidField(netsuite("1", "", "", "memo", null, "", "60")));
        assertEquals("payLinkField", invalidField(netsuite("1", "", "", "memo", "void", "custentity_link", "60")));
        assertEquals("payLinkField", invalidField(netsuite("1", "", "", "memo", "void", "custbody pay", "60")));
        assertEquals("payLinkField", invalidField(netsuite("1", "", "", "memo", "void", "custbody_"
                + "x".repeat(92), "60")));
        assertEquals("warnAfterMinutes", invalidField(netsuite("1", "", "", "memo", "void", "", "0")));
        assertEquals("warnAfterMinutes", invalidField(netsuite("1", "", "", "memo", "void", "", "10081")));
        assertEquals("warnAfterMinutes", invalidField(netsuite("1", "", "", "memo", "void", "", "1.5")));
        assertEquals(400, assertThrows(ProblemException.class, () -> writeback.save(actor,
                netsuite("1", "", "", "memo", "void", "", ""))).status());
        assertEquals(null, writeback.settings(tenant));
    }

    @Test
    void payTurnsOnOnlyOnceTheAccountIsReady() {
        ProblemException noProcessor = assertThrows(ProblemException.class, () -> admin.enable(actor, true));
        assertEquals(409, noProcessor.status());
        assertEquals("processor", assertThrows(InvalidSettingException.class,
                () -> admin.chooseProcessor(actor, "stripe-not-running")).field());
        admin.chooseProcessor(actor, "fake");
        assertEquals(409, assertThrows(ProblemException.class, () -> admin.enable(actor, true)).status(),
                "not connected yet");
        assertEquals(BACK, admin.connect(actor, "Operator", "owner@op.test", BACK, BACK));
        assertEquals("acct_fake", admin.settings(tenant).processorAccountId());
        processor.accountState = ProcessorAccount.State.ONBOARDING;
        ProblemException notReady = assertThrows(ProblemException.class, () -> admin.enable(actor, true));
        assertEquals(409, notReady.status());
        assertTrue(notReady.detail().contains("Add a bank account"), notReady.detail());
        assertFalse(admin.settings(tenant).enabled());
        processor.accountState = ProcessorAccount.State.READY;
        assertTrue(admin.enable(actor, true).enabled());
        assertTrue(admin.settings(tenant).enabled());
        assertFalse(admin.enable(actor, false).enabled());
    }

    @Test
    void anotherProcessorStartsOverWithPayOff() throws Exception {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO pay_settings (tenant_id, enabled, processor, processor_account_id) VALUES ("
                    + tenant + ", true, 'old', 'acct_old')");
        }
        PaySettings switched = admin.chooseProcessor(actor, "fake");
        assertFalse(switched.enabled());
        assertEquals(null, admin.settings(tenant).processorAccountId());
    }

    @Test
    void theDatabaseRefusesPayOnWithoutAnAccount() throws Exception {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            assertThrows(java.sql.SQLException.class, () -> s.execute("INSERT INTO pay_settings (tenant_id, enabled)"
                    + " VALUES (" + tenant + ", true)"));
        }
    }

    @Test
    void theDashboardLinkIsMadeWhenAskedAndARefusalIsPlain() {
        assertEquals(409, assertThrows(ProblemException.class, () -> admin.dashboard(actor)).status(),
                "no account connected yet");
        admin.chooseProcessor(actor, "fake");
        admin.connect(actor, "Operator", "owner@operator.test", BACK, BACK);
        assertTrue(admin.account(admin.settings(tenant)).orElseThrow().dashboard());
        URI first = admin.dashboard(actor);
        assertEquals("https://fake.test/dashboard/acct_fake/" + processor.dashboardLinks.get(), first.toString());
        assertNotEquals(first, admin.dashboard(actor), "a fresh link each time");
        processor.accountState = ProcessorAccount.State.ONBOARDING;
        assertFalse(admin.account(admin.settings(tenant)).orElseThrow().dashboard());
        ProblemException refused = assertThrows(ProblemException.class, () -> admin.dashboard(actor));
        assertEquals(409, refused.status());
        assertEquals("The payment processor refused: The account has not finished onboarding (request req_fake).",
                refused.getMessage());
    }
}
