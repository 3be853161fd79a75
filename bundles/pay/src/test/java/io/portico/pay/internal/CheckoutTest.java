package io.portico.pay.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portico.api.identity.DataScope;
import io.portico.api.payment.BankVerification;
import io.portico.api.payment.PaymentState;
import io.portico.api.secrets.SecretBox;
import io.portico.api.web.ProblemException;
import io.portico.testing.MutableClock;
import io.portico.testing.TestDatabase;
import java.math.BigDecimal;
import java.net.URI;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A payment through the checkout against PostgreSQL and a fake processor: fees, outcomes, what the ledger keeps. */
class CheckoutTest {

    private static final URI RETURN = URI.create("http://portal.test/pay/return");

    private static TestDatabase db;
    private static FakeProcessor processor;
    private static Checkout checkout;
    private static Payer payer;
    private static long tenant;

    @BeforeAll
    static void payOn() throws Exception {
        db = TestDatabase.create();
        processor = new FakeProcessor();
        checkout = new Checkout(db.database().sessionFactory(PayMapper.class),
                name -> "fake".equals(name) ? Optional.of(processor) : Optional.empty(),
                Clock.fixed(Instant.parse("2026-12-06T12:00:00Z"), ZoneOffset.UTC));
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            tenant = id(s, "SELECT id FROM organization WHERE kind = 'operator'");
            long acme = id(s, "INSERT INTO organization (tenant_id, kind, name, netsuite_id) VALUES (" + tenant
                    + ", 'customer', 'Acme', '100') RETURNING id");
            for (int i = 1; i <= 12; i++) {
                s.execute("INSERT INTO ns_transaction (tenant_id, organization_id, record_type, netsuite_id, number,"
                        + " status, total, amount_remaining, currency, content_hash, sync_generation) VALUES (" + tenant
                        + ", " + acme + ", 'invoice', " + (100 + i) + ", 'INV-" + i + "', 'open', 200, 200, 'USD', 0, 0)");
            }
            payer = new Payer(new DataScope(tenant, acme), null, null, "ap@acme.test");
        }
        settings(false, "2.5");
    }

    private static void settings(boolean enabled, String surcharge) {
        try (var session = db.database().sessionFactory(PayMapper.class).openSession(true)) {
            session.getMapper(PayMapper.class).saveSettings(new PaySettings(tenant, enabled, "fake", "acct_fake",
                    new BigDecimal(surcharge), "NV", false, false, BigDecimal.ZERO, BigDecimal.ZERO, true,
                    BigDecimal.ONE));
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

    private static Payment opened(long... invoiceAndCents) {
        settings(true, "2.5");
        var allocations = new java.util.ArrayList<Allocation>();
        for (int i = 0; i < invoiceAndCents.length; i += 2) {
            allocations.add(new Allocation(invoiceAndCents[i], BigDecimal.valueOf(invoiceAndCents[i + 1], 2)));
        }
        Payment payment = checkout.open(payer, allocations);
        checkout.prepare(payer, payment, "Invoices");
        return checkout.ledger().find(payer.scope(), payment.publicId()).orElseThrow();
    }

    @Test
    void nothingCanBePaidWhilePayIsOff() {
        settings(false, "0");
        ProblemException e = assertThrows(ProblemException.class,
                () -> checkout.open(payer, List.of(new Allocation(101, BigDecimal.TEN))));
        assertEquals(409, e.status());
    }

    @Test
    void whetherPayIsOnIsReadAgainOnceTheSettingsAreWritten() {
        settings(false, "0");
        checkout.settingsWritten();
        assertFalse(checkout.enabled(tenant));
        settings(true, "0");
        checkout.settingsWritten();
        assertTrue(checkout.enabled(tenant), "Settings > Pay turned it on: the buttons show at the next request");
        settings(false, "0");
        checkout.settingsWritten();
        assertFalse(checkout.enabled(tenant));
    }

    @Test
    void twoInvoicesOnePartiallyByCreditCardPayTheDisclosedSurcharge() {
        Payment payment = opened(101, 20000, 102, 5000);
        Checkout.Review review = checkout.review(payer, payment, "credit");
        assertEquals(new BigDecimal("6.25"), review.fees().surcharge().amount(), "2.5 % of 250.00");
        assertEquals(new BigDecimal("256.25"), review.total().amount());
        Payment paid = checkout.confirm(payer, payment.publicId(), "credit", RETURN).payment();
        assertEquals("succeeded", paid.status());
        assertEquals(0, new BigDecimal("256.25").compareTo(paid.total()));
        assertEquals(0, new BigDecimal("6.25").compareTo(paid.surcharge()));
        assertEquals(new BigDecimal("256.25"), processor.confirmations.get(processor.confirmations.size() - 1)
                .amount().amount(), "the processor was asked for the disclosed total");
        assertEquals("4242", paid.methodLast4());
        ProblemException again = assertThrows(ProblemException.class,
                () -> checkout.open(payer, List.of(new Allocation(101, BigDecimal.ONE))));
        assertEquals(409, again.status(), "INV-1 is paid in full now");
    }

    @Test
    void aDebitCardIsNeverSurchargedWhateverTheBrowserSays() {
        Payment payment = opened(103, 10000);
        Payment paid = checkout.confirm(payer, payment.publicId(), "debit", RETURN).payment();
        assertEquals("succeeded", paid.status());
        assertEquals(0, BigDecimal.ZERO.compareTo(paid.surcharge()));
        assertEquals(0, new BigDecimal("100").compareTo(paid.total()));
    }

    @Test
    void aDeclinedCardLeavesNoPaymentAndNoFee() {
        Payment payment = opened(104, 20000);
        Payment declined = checkout.confirm(payer, payment.publicId(), "declined", RETURN).payment();
        assertEquals("failed", declined.status());
        assertEquals("Your card was declined.", declined.failureReason());
        assertEquals(0, BigDecimal.ZERO.compareTo(declined.surcharge()), "no fee anywhere");
        assertEquals(0, new BigDecimal("200").compareTo(declined.total()));
        Payment retry = opened(104, 20000);
        assertEquals("succeeded", checkout.confirm(payer, retry.publicId(), "credit", RETURN).payment().status(),
                "the declined payment held nothing");
    }

    @Test
    void aChallengeWaitsForThePayerThenTheProcessorsAnswerIsRecorded() {
        Payment payment = opened(105, 20000);
        Checkout.Outcome outcome = checkout.confirm(payer, payment.publicId(), "challenge", RETURN);
        Payment challenged = outcome.payment();
        assertEquals("requires_action", challenged.status());
        assertEquals(URI.create("/fake/challenge"), outcome.actionUri(), "the payer is sent to the challenge");
        processor.settle(challenged.processorReference(), PaymentState.Status.SUCCEEDED, null);
        assertEquals("succeeded", checkout.refresh(challenged).status());
    }

    @Test
    void aBankPaymentProcessesThenFailsWhenTheBankReturnsIt() {
        Payment payment = opened(106, 20000);
        Payment processing = checkout.confirm(payer, payment.publicId(), "bank", RETURN).payment();
        assertEquals("processing", processing.status());
        ProblemException held = assertThrows(ProblemException.class,
                () -> checkout.open(payer, List.of(new Allocation(106, BigDecimal.ONE))));
        assertEquals(409, held.status(), "a processing payment holds its invoice");
        assertEquals(List.of(new InFlight(106, new BigDecimal("200.0000"), true, false)), inFlight(106, 105),
                "INV-6 reads Payment processing with 200.00 less due; INV-5 has no payment here");
        processor.settle(processing.processorReference(), PaymentState.Status.FAILED,
                "The bank returned the payment: account closed.");
        Payment failed = checkout.refresh(processing);
        assertEquals("failed", failed.status());
        assertEquals("The bank returned the payment: account closed.", failed.failureReason());
        assertTrue(checkout.open(payer, List.of(new Allocation(106, BigDecimal.ONE))).status().equals("created"),
                "the failed payment no longer holds the invoice");
        assertEquals(List.of(106L), returnedBankPayments(106, 105), "INV-6 reads Payment failed; INV-5 was paid");
    }

    @Test
    void aPaymentWhoseConfirmationNeverReachedTheProcessorIsCanceledThereAndReleasesItsInvoice() {
        Payment payment = opened(109, 20000);
        assertEquals(503, assertThrows(ProblemException.class,
                () -> checkout.confirm(payer, payment.publicId(), "unsent", RETURN)).status());
        Payment stuck = checkout.confirm(payer, payment.publicId(), "unsent", RETURN).payment();
        assertEquals("confirming", stuck.status(), "being confirmed: a second submit waits for the outcome");
        assertEquals(409, assertThrows(ProblemException.class,
                () -> checkout.open(payer, List.of(new Allocation(109, BigDecimal.ONE)))).status());

        Payment settled = checkout.settleStale(stuck);
        assertEquals("canceled", settled.status());
        assertEquals(PaymentState.Status.CANCELED, processor.fetch(null, stuck.processorReference()).status(),
                "canceled at the processor too: a late confirmation can no longer take money");
        assertEquals(0, BigDecimal.ZERO.compareTo(settled.surcharge()), "no fee anywhere");
        assertEquals("created", checkout.open(payer, List.of(new Allocation(109, BigDecimal.ONE))).status(),
                "the invoice is free to pay again");
    }

    @Test
    void aPaymentWhoseConfirmationsAnswerWasLostIsRecordedAsTheProcessorTookIt() {
        Payment payment = opened(110, 20000);
        assertEquals(503, assertThrows(ProblemException.class,
                () -> checkout.confirm(payer, payment.publicId(), "unanswered", RETURN)).status());
        Payment stuck = checkout.confirm(payer, payment.publicId(), "unanswered", RETURN).payment();
        assertEquals("succeeded", checkout.settleStale(stuck).status(), "never canceled once the money was taken");
    }

    private static List<Long> returnedBankPayments(long... invoices) {
        return inFlight(invoices).stream().filter(InFlight::bankReturned).map(InFlight::invoiceNetsuiteId).toList();
    }

    private static List<InFlight> inFlight(long... invoices) {
        try (var session = db.database().sessionFactory(PayMapper.class).openSession()) {
            return session.getMapper(PayMapper.class).inFlight(payer.scope(),
                    java.util.Arrays.stream(invoices).boxed().toList());
        }
    }

    @Test
    void aSecondSubmitConfirmsNothingMore() {
        Payment payment = opened(107, 20000);
        int before = processor.confirmations.size();
        checkout.confirm(payer, payment.publicId(), "credit", RETURN).payment();
        Payment again = checkout.confirm(payer, payment.publicId(), "credit", RETURN).payment();
        assertEquals("succeeded", again.status());
        assertEquals(before + 1, processor.confirmations.size());
    }

    @Test
    void anExpiredMethodTokenIsAClearRefusal() {
        Payment payment = opened(108, 20000);
        ProblemException e = assertThrows(ProblemException.class,
                () -> checkout.review(payer, payment, "tok_expired"));
        assertEquals(400, e.status());
        assertEquals("This payment method has expired.", e.detail());
    }

    /** Seals by remembering: a token it did not hand out is refused as the platform's AES-GCM box refuses one. */
    private static final class RememberingSecretBox implements SecretBox {
        private final Map<String, String> sealed = new ConcurrentHashMap<>();

        @Override
        public String seal(String plaintext) {
            String token = UUID.randomUUID().toString().replace("-", "");
            sealed.put(token, plaintext);
            return "ENC(" + token + ")";
        }

        @Override
        public String reveal(String configuredValue) {
            String plain = sealed.get(configuredValue.substring(4, configuredValue.length() - 1));
            if (plain == null) {
                throw new IllegalArgumentException("tampered");
            }
            return plain;
        }
    }

    @Test
    void aBankAccountEnteredByHandIsVerifiedThroughTheEmailedLinkWhichCannotBeForgedAndExpires() {
        MutableClock clock = new MutableClock(Instant.parse("2026-12-06T12:00:00Z"));
        BankVerifications verifications = new BankVerifications(new RememberingSecretBox(), checkout, clock);
        Payment payment = opened(111, 15000);
        Checkout.Outcome outcome = checkout.confirm(payer, payment.publicId(), "microdeposits", RETURN);
        assertEquals("requires_action", outcome.payment().status());
        assertEquals(null, outcome.actionUri(), "no redirect: the payer is emailed the link");
        String token = verifications.token(outcome.payment());

        BankVerifications.Awaiting awaiting = verifications.awaiting(verifications.open(token));
        assertEquals(BankVerification.Kind.DESCRIPTOR_CODE, awaiting.verification().kind());
        assertEquals(payment.publicId(), awaiting.payment().publicId());
        assertEquals(404, assertThrows(ProblemException.class, () -> verifications.open(token + "x")).status());
        assertEquals(404, assertThrows(ProblemException.class, () -> verifications.open("../../etc")).status());
        ProblemException malformed = assertThrows(ProblemException.class,
                () -> verifications.verify(awaiting.payment(), "SM1", null, null));
        assertEquals(400, malformed.status());
        assertTrue(malformed.getMessage().contains("6-character code"), malformed.getMessage());
        ProblemException wrong = assertThrows(ProblemException.class,
                () -> verifications.verify(awaiting.payment(), "SM00ZZ", null, null));
        assertEquals("That code is not the one sent.", wrong.getMessage());
        Payment verified = verifications.verify(awaiting.payment(), FakeProcessor.DESCRIPTOR_CODE, null, null);
        assertEquals("processing", verified.status());
        assertEquals(null, verifications.awaiting(verified).verification());
        assertEquals(409, assertThrows(ProblemException.class,
                () -> verifications.verify(verified, FakeProcessor.DESCRIPTOR_CODE, null, null)).status());

        clock.advance(BankVerifications.VALIDITY.plusSeconds(1));
        assertEquals(410, assertThrows(ProblemException.class, () -> verifications.open(token)).status());
    }

    @Test
    void tooManyWrongCodesFailTheBankPaymentAndReleaseItsInvoice() {
        BankVerifications verifications = new BankVerifications(new RememberingSecretBox(), checkout,
                Clock.systemUTC());
        Payment payment = checkout.confirm(payer, opened(112, 5000).publicId(), "microdeposits", RETURN).payment();
        assertThrows(ProblemException.class, () -> verifications.verify(payment, "SM00ZZ", null, null));
        assertThrows(ProblemException.class, () -> verifications.verify(payment, "SM00ZZ", null, null));
        Payment failed = verifications.open(verifications.token(payment));
        assertEquals("failed", failed.status(), "the last wrong answer's outcome is recorded at once");
        assertEquals("The bank account could not be verified.", failed.failureReason());
    }

    @Test
    void microDepositAmountsAreTypedInCentsOrDollars() {
        assertEquals(List.of(32L, 45L), BankVerifications.answer(BankVerification.Kind.AMOUNTS, null, "32", "0.45")
                .amounts());
        assertEquals(List.of(30L, 5L), BankVerifications.answer(BankVerification.Kind.AMOUNTS, null, "$.3", "05")
                .amounts());
        assertEquals("SM11AA", BankVerifications.answer(BankVerification.Kind.DESCRIPTOR_CODE, " SM11AA ", null, null)
                .descriptorCode());
        assertEquals(400, assertThrows(ProblemException.class, () -> BankVerifications.answer(
                BankVerification.Kind.AMOUNTS, null, "1.32", "45")).status());
        assertEquals(400, assertThrows(ProblemException.class, () -> BankVerifications.answer(
                BankVerification.Kind.AMOUNTS, null, "32", null)).status());
    }
}
