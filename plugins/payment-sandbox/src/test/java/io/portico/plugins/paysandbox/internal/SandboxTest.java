package io.portico.plugins.paysandbox.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.portico.api.payment.CardFunding;
import io.portico.api.payment.CheckoutRequest;
import io.portico.api.payment.CheckoutSession;
import io.portico.api.payment.ConfirmRequest;
import io.portico.api.payment.Money;
import io.portico.api.payment.Onboarding;
import io.portico.api.payment.OnboardingRequest;
import io.portico.api.payment.PaymentException;
import io.portico.api.payment.PaymentMethodDetails;
import io.portico.api.payment.PaymentMethodKind;
import io.portico.api.payment.PaymentState;
import io.portico.api.payment.PaymentState.Status;
import io.portico.api.payment.ProcessorAccount;
import io.portico.api.payment.ProcessorEvent;
import io.portico.api.payment.RefundRequest;
import io.portico.api.payment.RefundResult;
import io.portico.api.payment.WebhookRequest;
import io.portico.api.web.ProblemException;
import io.portico.testing.MutableClock;
import io.portico.testing.TestDatabase;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.ibatis.session.SqlSessionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The sandbox processor against PostgreSQL, driven through the SPI as the platform drives it, with a clock the test
 * moves and a local HTTP server standing in for the platform's webhook endpoint.
 */
class SandboxTest {

    private static final URI RETURN = URI.create("http://portal.test/pay/123/return");
    private static final String SECRET = "whsec_test";

    private static TestDatabase db;
    private static SqlSessionFactory sessions;
    private static HttpServer platform;
    private static final List<Delivery> deliveries = Collections.synchronizedList(new ArrayList<>());
    private static final AtomicInteger failuresToAnswer = new AtomicInteger();
    private static MutableClock clock;
    private static Sandbox sandbox;
    private static String account;

    record Delivery(byte[] body, Map<String, List<String>> headers) {
    }

    @BeforeAll
    static void start() throws IOException, PaymentException {
        db = TestDatabase.create();
        sessions = db.database().sessionFactory(SandboxMapper.class);
        platform = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        platform.createContext("/api/pay/webhooks/sandbox", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Map<String, List<String>> headers = new java.util.HashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), v));
            boolean fail = failuresToAnswer.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
            if (!fail) {
                deliveries.add(new Delivery(body, headers));
            }
            exchange.sendResponseHeaders(fail ? 503 : 200, -1);
            exchange.close();
        });
        platform.start();
        clock = new MutableClock(Instant.now());
        sandbox = sandbox(SECRET);
        account = readyAccount("NV");
    }

    private static Sandbox sandbox(String secret) {
        URI webhook = URI.create("http://127.0.0.1:" + platform.getAddress().getPort() + SandboxComponent.WEBHOOK_PATH);
        return new Sandbox(sessions, new Sandbox.Settings(webhook, Duration.ofSeconds(20), 3, Duration.ofSeconds(5),
                Duration.ofSeconds(5)),
                new WebhookSigner(secret, clock), HttpClient.newHttpClient(), clock);
    }

    @AfterAll
    static void stop() {
        platform.stop(0);
        db.close();
    }

    @BeforeEach
    void settleAndDeliverWhatEarlierTestsLeft() {
        clock.advance(Duration.ofMinutes(10));
        sandbox.settleDue();
        sandbox.settleDueRefunds();
        sandbox.deliverDue();
        deliveries.clear();
    }

    private static String readyAccount(String state) throws PaymentException {
        Onboarding started = sandbox.onboard(new OnboardingRequest(null, "Acme Supply", "owner@acme.test",
                URI.create("http://portal.test/admin/pay/return"), URI.create("http://portal.test/admin/pay/refresh")));
        sandbox.finishOnboarding(started.accountId(), state);
        return started.accountId();
    }

    // ------------------------------------------------------------------ accounts

    @Test
    void onboardingCreatesAnAccountThatIsReadyOnceFinishedOnItsPage() throws PaymentException {
        assertEquals(ProcessorAccount.State.NOT_CONNECTED, sandbox.account(null).state());
        Onboarding started = sandbox.onboard(new OnboardingRequest(null, "Globex", "admin@globex.test",
                URI.create("http://portal.test/admin/pay/return"), URI.create("http://portal.test/admin/pay/refresh")));
        assertTrue(started.accountId().matches("acct_sandbox_[0-9a-f]{32}"), started.accountId());
        assertEquals(URI.create("/pay-sandbox/onboarding/" + started.accountId()), started.redirectUri());
        ProcessorAccount onboarding = sandbox.account(started.accountId());
        assertEquals(ProcessorAccount.State.ONBOARDING, onboarding.state());
        assertEquals(Set.of(), onboarding.methods());

        assertEquals(URI.create("http://portal.test/admin/pay/return"),
                sandbox.finishOnboarding(started.accountId(), "CO"));
        ProcessorAccount ready = sandbox.account(started.accountId());
        assertEquals(ProcessorAccount.State.READY, ready.state());
        assertEquals("CO", ready.businessState());
        assertEquals(Set.of(PaymentMethodKind.CARD, PaymentMethodKind.US_BANK_ACCOUNT), ready.methods());
        assertEquals(List.of("account.updated"), deliveredTypes());

        Onboarding resumed = sandbox.onboard(new OnboardingRequest(started.accountId(), "Globex", null,
                URI.create("http://portal.test/back"), URI.create("http://portal.test/refresh")));
        assertEquals(started.accountId(), resumed.accountId());
        assertEquals(URI.create("http://portal.test/back"), sandbox.finishOnboarding(started.accountId(), ""));
        assertNull(sandbox.account(started.accountId()).businessState(), "outside the US");
    }

    @Test
    void unknownAccountsAndStatesAreRefused() {
        assertEquals(PaymentException.Kind.REJECTED,
                assertThrows(PaymentException.class, () -> sandbox.account("acct_sandbox_nope")).kind());
        assertEquals(404, assertThrows(ProblemException.class,
                () -> sandbox.finishOnboarding("acct_sandbox_nope", "NV")).status());
        assertEquals(400, assertThrows(ProblemException.class,
                () -> sandbox.finishOnboarding(account, "ZZ")).status());
    }

    // ------------------------------------------------------------------ test numbers

    @ParameterizedTest
    @EnumSource(TestNumbers.class)
    void everyTestNumberEndsAsItSays(TestNumbers test) throws PaymentException {
        CheckoutSession session = checkout("100.00");
        String token = token(test, "TX");
        PaymentMethodDetails details = sandbox.inspect(account, token);
        assertEquals(test.kind, details.kind());
        assertEquals(test.funding, details.funding());
        assertEquals(test.last4(), details.last4());
        assertEquals("TX", details.billingState());
        assertEquals("US", details.billingCountry());

        PaymentState state = confirm(session, token, "103.00", "confirm-" + UUID.randomUUID());
        Status expected = switch (test.outcome) {
            case SUCCEED -> Status.SUCCEEDED;
            case FAIL -> Status.FAILED;
            case CHALLENGE -> Status.REQUIRES_ACTION;
            case SETTLE, RETURN -> Status.PROCESSING;
        };
        assertEquals(expected, state.status());
        assertEquals(expected == Status.FAILED ? test.failureReason : null, state.failureReason());
        assertEquals(expected == Status.SUCCEEDED ? usd("103.00") : null, state.amountReceived());
        assertEquals(test.last4(), state.method().last4());
        PaymentState fetched = sandbox.fetch(account, session.processorReference());
        assertEquals(state.status(), fetched.status());
        assertEquals(state.actionUri(), fetched.actionUri());
    }

    @Test
    void declinesSayWhyInWordsAPayerCanActOn() throws PaymentException {
        assertEquals("Your card was declined.",
                confirm(checkout("10.00"), token(TestNumbers.DECLINED, "NV"), "10.00", "k-" + UUID.randomUUID())
                        .failureReason());
        assertEquals(List.of("payment_intent.payment_failed"), deliveredTypes());
    }

    @Test
    void onlyAPaymentNeverConfirmedCanBeCanceledAndThenNoConfirmationTakesMoney() throws PaymentException {
        CheckoutSession unconfirmed = checkout("20.00");
        assertEquals(Status.CANCELED, sandbox.cancel(account, unconfirmed.processorReference()).status());
        assertEquals(PaymentException.Kind.REJECTED, assertThrows(PaymentException.class, () -> confirm(unconfirmed,
                token(TestNumbers.VISA_CREDIT, "NV"), "20.00", "k-" + UUID.randomUUID())).kind());
        assertEquals(Status.CANCELED, sandbox.fetch(account, unconfirmed.processorReference()).status());

        CheckoutSession paid = checkout("20.00");
        confirm(paid, token(TestNumbers.VISA_CREDIT, "NV"), "20.00", "k-" + UUID.randomUUID());
        assertEquals(Status.SUCCEEDED, sandbox.cancel(account, paid.processorReference()).status(), "left as it is");
        assertEquals(List.of("payment_intent.canceled", "payment_intent.succeeded"), deliveredTypes());
    }

    @Test
    void threeDSecureWaitsForTheChallengeAndTheAnswerDecides() throws PaymentException {
        CheckoutSession passed = checkout("50.00");
        PaymentState challenged = confirm(passed, token(TestNumbers.THREE_D_SECURE, "NV"), "51.50", "k-pass");
        assertEquals(Status.REQUIRES_ACTION, challenged.status());
        assertEquals(URI.create("/pay-sandbox/challenge/" + passed.processorReference()), challenged.actionUri());
        assertEquals(RETURN, sandbox.completeChallenge(passed.processorReference(), true));
        PaymentState succeeded = sandbox.fetch(account, passed.processorReference());
        assertEquals(Status.SUCCEEDED, succeeded.status());
        assertEquals(usd("51.50"), succeeded.amountReceived());
        assertNull(succeeded.actionUri());
        assertEquals(RETURN, sandbox.completeChallenge(passed.processorReference(), false), "a second answer");
        assertEquals(Status.SUCCEEDED, sandbox.fetch(account, passed.processorReference()).status());

        CheckoutSession failed = checkout("50.00");
        confirm(failed, token(TestNumbers.THREE_D_SECURE, "NV"), "50.00", "k-fail");
        sandbox.completeChallenge(failed.processorReference(), false);
        PaymentState state = sandbox.fetch(account, failed.processorReference());
        assertEquals(Status.FAILED, state.status());
        assertEquals(TestNumbers.AUTHENTICATION_FAILED, state.failureReason());
        assertEquals(List.of("payment_intent.requires_action", "payment_intent.succeeded",
                "payment_intent.requires_action", "payment_intent.payment_failed"), deliveredTypes());
    }

    @Test
    void bankDebitsProcessUntilTheDelayThenSettleOrAreReturned() throws PaymentException {
        CheckoutSession settles = checkout("300.00");
        CheckoutSession returned = checkout("300.00");
        assertEquals(Status.PROCESSING,
                confirm(settles, token(TestNumbers.BANK_SETTLES, "CA"), "300.00", "k-" + UUID.randomUUID()).status());
        assertEquals(Status.PROCESSING,
                confirm(returned, token(TestNumbers.BANK_RETURNED, "CA"), "300.00", "k-" + UUID.randomUUID()).status());

        clock.advance(Duration.ofSeconds(19));
        assertEquals(0, sandbox.settleDue());
        assertEquals(Status.PROCESSING, sandbox.fetch(account, settles.processorReference()).status());

        clock.advance(Duration.ofSeconds(1));
        assertEquals(2, sandbox.settleDue());
        PaymentState succeeded = sandbox.fetch(account, settles.processorReference());
        assertEquals(Status.SUCCEEDED, succeeded.status());
        assertEquals(usd("300.00"), succeeded.amountReceived());
        PaymentState failed = sandbox.fetch(account, returned.processorReference());
        assertEquals(Status.FAILED, failed.status());
        assertEquals("The bank returned the payment: account closed.", failed.failureReason());
        assertNull(failed.amountReceived());
        assertEquals(0, sandbox.settleDue(), "settled once");
        assertEquals(Set.of("payment_intent.processing", "payment_intent.succeeded",
                "payment_intent.payment_failed"), Set.copyOf(deliveredTypes()));
    }

    // ------------------------------------------------------------------ idempotency

    @Test
    void aRepeatedKeyGetsTheFirstAnswerAndAnotherRequestUnderItIsRefused() throws PaymentException {
        String key = "checkout:" + UUID.randomUUID();
        CheckoutSession first = sandbox.startCheckout(checkoutRequest("80.00", key));
        CheckoutSession again = sandbox.startCheckout(checkoutRequest("80.00", key));
        assertEquals(first.processorReference(), again.processorReference());
        assertEquals(first.elementAttributes(), again.elementAttributes());
        assertEquals(PaymentException.Kind.REJECTED, assertThrows(PaymentException.class,
                () -> sandbox.startCheckout(checkoutRequest("81.00", key))).kind());

        String token = token(TestNumbers.THREE_D_SECURE, "NV");
        PaymentState confirmed = confirm(first, token, "80.00", "confirm-1");
        sandbox.completeChallenge(first.processorReference(), true);
        PaymentState replayed = confirm(first, token, "80.00", "confirm-1");
        assertEquals(confirmed, replayed, "the first answer, though the payment has moved on since");
        assertEquals(PaymentException.Kind.REJECTED, assertThrows(PaymentException.class,
                () -> confirm(first, token, "80.00", "confirm-2")).kind(), "a new confirmation of a confirmed payment");
        assertEquals(List.of("payment_intent.requires_action", "payment_intent.succeeded"), deliveredTypes());
    }

    @Test
    void aRefusedCallLeavesItsKeyFreeForACorrectedOne() throws PaymentException {
        CheckoutSession session = checkout("20.00");
        String key = "confirm-" + UUID.randomUUID();
        assertThrows(PaymentException.class, () -> confirm(session, "pm_sandbox_unknown", "20.00", key));
        assertEquals(Status.SUCCEEDED, confirm(session, token(TestNumbers.VISA_DEBIT, "NV"), "20.00", key).status());
    }

    @Test
    void concurrentCallsWithOneKeyMakeOneConfirmation() throws Exception {
        CheckoutSession session = checkout("70.00");
        String token = token(TestNumbers.VISA_CREDIT, "NV");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<PaymentState>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                answers.add(pool.submit(() -> confirm(session, token, "70.00", "confirm-concurrent")));
            }
            Set<PaymentState> distinct = new HashSet<>();
            for (Future<PaymentState> answer : answers) {
                distinct.add(answer.get());
            }
            assertEquals(1, distinct.size(), distinct.toString());
        } finally {
            pool.shutdownNow();
        }
        assertEquals(List.of("payment_intent.succeeded"), deliveredTypes(), "one confirmation, one event");
    }

    @Test
    void twoNodesSettleEachBankDebitOnce() throws Exception {
        List<String> references = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            CheckoutSession session = checkout("10.00");
            confirm(session, token(TestNumbers.BANK_SETTLES, "NV"), "10.00", "k-" + UUID.randomUUID());
            references.add(session.processorReference());
        }
        deliveredTypes();
        clock.advance(Duration.ofSeconds(20));
        Sandbox otherNode = sandbox(SECRET);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> first = pool.submit(sandbox::settleDue);
            Future<Integer> second = pool.submit(otherNode::settleDue);
            assertEquals(6, first.get() + second.get());
        } finally {
            pool.shutdownNow();
        }
        for (String reference : references) {
            assertEquals(Status.SUCCEEDED, sandbox.fetch(account, reference).status());
        }
        assertEquals(Collections.nCopies(6, "payment_intent.succeeded"), deliveredTypes());
    }

    // ------------------------------------------------------------------ refunds

    @Test
    void refundsArePartialOrFullNeverMoreThanReceivedAndIdempotent() throws PaymentException {
        CheckoutSession session = checkout("100.00");
        confirm(session, token(TestNumbers.VISA_CREDIT, "NV"), "103.00", "k-" + UUID.randomUUID());
        RefundResult partial = refund(session, "40.00", "refund-1");
        assertEquals(RefundResult.Status.PENDING, partial.status());
        assertEquals(partial, refund(session, "40.00", "refund-1"), "the same key refunds once");

        PaymentException over = assertThrows(PaymentException.class, () -> refund(session, "63.01", "refund-2"));
        assertEquals(PaymentException.Kind.REJECTED, over.kind());
        assertTrue(over.getMessage().contains("63.00 USD left"), "a pending refund counts: " + over.getMessage());
        RefundResult rest = refund(session, "63.00", "refund-2");
        assertNotEquals(partial.refundReference(), rest.refundReference());
        assertThrows(PaymentException.class, () -> refund(session, "0.01", "refund-3"));
        settleRefunds();
        PaymentState state = sandbox.fetch(account, session.processorReference());
        assertEquals(usd("103.00"), state.amountRefunded());
        assertEquals(Status.SUCCEEDED, state.status());
        assertEquals(List.of("payment_intent.succeeded", "refund.created", "refund.created", "charge.refunded",
                "charge.refunded"), deliveredTypes());
    }

    @Test
    void aRefundIsPendingUntilItSettlesThenItsWebhookComes() throws PaymentException {
        CheckoutSession session = checkout("50.00");
        confirm(session, token(TestNumbers.VISA_DEBIT, "NV"), "50.00", "k-" + UUID.randomUUID());
        RefundResult refund = refund(session, "20.00", "r-" + UUID.randomUUID());
        assertEquals(RefundResult.Status.PENDING, refund.status());
        assertEquals(refund.status(), sandbox.fetchRefund(account, refund.refundReference()).status());
        assertEquals(0, sandbox.fetch(account, session.processorReference()).amountRefunded().amount().signum(),
                "nothing is refunded before it settles");
        assertEquals(0, sandbox.settleDueRefunds(), "not due yet");
        assertEquals(List.of("payment_intent.succeeded", "refund.created"), deliveredTypes());

        settleRefunds();
        assertEquals(new RefundResult(refund.refundReference(), RefundResult.Status.SUCCEEDED, null),
                sandbox.fetchRefund(account, refund.refundReference()));
        assertEquals(usd("20.00"), sandbox.fetch(account, session.processorReference()).amountRefunded());
        assertEquals(List.of("charge.refunded"), deliveredTypes());
        assertEquals(0, sandbox.settleDueRefunds(), "a refund settles once");
        assertEquals(PaymentException.Kind.REJECTED, assertThrows(PaymentException.class,
                () -> sandbox.fetchRefund("acct_sandbox_other", refund.refundReference())).kind(),
                "another account's refund is unknown");
    }

    private static void settleRefunds() {
        clock.advance(Duration.ofSeconds(6));
        sandbox.settleDueRefunds();
    }

    @Test
    void onlySucceededPaymentsAreRefunded() throws PaymentException {
        CheckoutSession processing = checkout("10.00");
        confirm(processing, token(TestNumbers.BANK_SETTLES, "NV"), "10.00", "k-" + UUID.randomUUID());
        assertEquals(PaymentException.Kind.REJECTED,
                assertThrows(PaymentException.class, () -> refund(processing, "1.00", "r-" + UUID.randomUUID())).kind());
    }

    // ------------------------------------------------------------------ webhooks

    @Test
    void webhooksAreSignedAndVerifiedAndEachEventHasItsOwnId() throws PaymentException {
        CheckoutSession session = checkout("10.00");
        confirm(session, token(TestNumbers.VISA_CREDIT, "NV"), "10.00", "k-" + UUID.randomUUID());
        refund(session, "1.00", "r-" + UUID.randomUUID());
        assertEquals(2, sandbox.deliverDue());
        Set<String> ids = new HashSet<>();
        for (Delivery d : deliveries) {
            ProcessorEvent event = sandbox.verifyWebhook(new WebhookRequest(d.body(), d.headers()));
            assertTrue(event.eventId().startsWith("evt_"), event.eventId());
            assertEquals(session.processorReference(), event.processorReference());
            assertEquals(account, event.accountId());
            ids.add(event.eventId());
        }
        assertEquals(2, ids.size());
        assertEquals(0, sandbox.deliverDue(), "delivered once");
    }

    @Test
    void forgedStaleOrAlteredWebhooksAreRefused() throws PaymentException {
        confirm(checkout("10.00"), token(TestNumbers.VISA_CREDIT, "NV"), "10.00", "k-" + UUID.randomUUID());
        sandbox.deliverDue();
        Delivery real = deliveries.get(0);
        String header = real.headers().get("sandbox-signature").get(0);

        byte[] otherBody = new String(real.body(), StandardCharsets.UTF_8).replace("succeeded", "failed")
                .getBytes(StandardCharsets.UTF_8);
        assertForged(new WebhookRequest(otherBody, real.headers()), "the signature replayed with another body");
        assertForged(new WebhookRequest(real.body(), Map.of()), "no signature");
        assertForged(new WebhookRequest(real.body(), Map.of("sandbox-signature", List.of("t=1,v1=zz"))), "malformed");
        WebhookSigner otherSecret = new WebhookSigner("whsec_other", clock);
        assertForged(new WebhookRequest(real.body(), Map.of("sandbox-signature",
                List.of(otherSecret.sign(real.body())))), "signed with another secret");

        assertEquals(sandbox.verifyWebhook(new WebhookRequest(real.body(), real.headers())).eventId(),
                sandbox.verifyWebhook(new WebhookRequest(real.body(), real.headers())).eventId(),
                "a replay within the tolerance is the same event, which the platform stores once");
        clock.advance(Duration.ofSeconds(301));
        assertForged(new WebhookRequest(real.body(), real.headers()), "stale");
        clock.advance(Duration.ofSeconds(-602));
        assertForged(new WebhookRequest(real.body(), real.headers()), "from the future");
        clock.advance(Duration.ofSeconds(301));
        assertEquals(sandbox.verifyWebhook(new WebhookRequest(real.body(), Map.of("sandbox-signature",
                List.of(header.replace("v1=", "v1=00,v1="))))).type(), "payment_intent.succeeded",
                "any v1 may match while a secret is rotated");
    }

    private static void assertForged(WebhookRequest request, String why) {
        assertEquals(PaymentException.Kind.FORGED,
                assertThrows(PaymentException.class, () -> sandbox.verifyWebhook(request), why).kind(), why);
    }

    @Test
    void aFailedDeliveryIsTriedAgainWithBackoffThenGivenUp() throws PaymentException {
        confirm(checkout("10.00"), token(TestNumbers.VISA_CREDIT, "NV"), "10.00", "k-" + UUID.randomUUID());
        failuresToAnswer.set(1);
        assertEquals(0, sandbox.deliverDue());
        clock.advance(Duration.ofSeconds(4));
        assertEquals(0, sandbox.deliverDue(), "not before the backoff");
        clock.advance(Duration.ofSeconds(1));
        assertEquals(1, sandbox.deliverDue());
        assertEquals(List.of("payment_intent.succeeded"), deliveredTypes());

        confirm(checkout("10.00"), token(TestNumbers.VISA_CREDIT, "NV"), "10.00", "k-" + UUID.randomUUID());
        failuresToAnswer.set(3);
        for (int attempt = 0; attempt < 3; attempt++) {
            assertEquals(0, sandbox.deliverDue());
            clock.advance(Duration.ofMinutes(1));
        }
        failuresToAnswer.set(0);
        clock.advance(Duration.ofHours(1));
        assertEquals(0, sandbox.deliverDue(), "given up after the configured attempts");
    }

    @Test
    void theGeneratedSecretIsSharedByEveryNode() {
        String first = Sandbox.secret(sessions, "");
        assertTrue(first.startsWith("whsec_"), first);
        assertEquals(first, Sandbox.secret(sessions, null));
        assertEquals("configured", Sandbox.secret(sessions, "configured"));
    }

    // ------------------------------------------------------------------ entering payment methods

    @Test
    void onlyTestNumbersAndSaneDetailsBecomeTokens() throws PaymentException {
        assertEquals(400, badToken(new TokenRequest(account, "card", "4111111111111111", "12/34", "123", "NV", null,
                null)).status(), "a number that is not a test number");
        assertEquals(400, badToken(new TokenRequest(account, "card", "4242424242424242", "01/20", "123", "NV", null,
                null)).status(), "expired");
        assertEquals(400, badToken(new TokenRequest(account, "card", "4242424242424242", "13/34", "123", "NV", null,
                null)).status(), "no such month");
        assertEquals(400, badToken(new TokenRequest(account, "card", "4242424242424242", "12/34", "12", "NV", null,
                null)).status(), "short CVC");
        assertEquals(400, badToken(new TokenRequest(account, "card", "4242424242424242", "12/34", "123", "XX", null,
                null)).status(), "no such state");
        assertEquals(400, badToken(new TokenRequest(account, "us_bank_account", null, null, null, "NV", "021000021",
                "000123456789")).status(), "another routing number");
        assertEquals(400, badToken(new TokenRequest(account, "paypal", null, null, null, "NV", null, null)).status());
        assertEquals(404, badToken(new TokenRequest("acct_sandbox_nope", "card", "4242424242424242", "12/34", "123",
                "NV", null, null)).status());
        assertEquals(400, badToken(null).status());

        String outsideUs = sandbox.tokenize(new TokenRequest(account, "card", "4242 4242 4242 4242", "12/34", "1234",
                "", null, null));
        PaymentMethodDetails details = sandbox.inspect(account, outsideUs);
        assertEquals(CardFunding.CREDIT, details.funding());
        assertEquals("visa", details.brand());
        assertNull(details.billingState());
    }

    @Test
    void aTokenBelongsToItsAccount() throws PaymentException {
        String other = readyAccount("NV");
        String token = token(TestNumbers.VISA_CREDIT, "NV");
        assertEquals(PaymentException.Kind.REJECTED,
                assertThrows(PaymentException.class, () -> sandbox.inspect(other, token)).kind());
        assertEquals(PaymentException.Kind.REJECTED,
                assertThrows(PaymentException.class, () -> sandbox.inspect(account, "pm_sandbox_nope")).kind());
        CheckoutSession session = checkout("10.00");
        assertEquals(PaymentException.Kind.REJECTED, assertThrows(PaymentException.class,
                () -> sandbox.fetch(other, session.processorReference())).kind(), "another account's payment");
    }

    @Test
    void theElementGetsItsScriptAndTheTestNumbers() throws PaymentException {
        CheckoutSession session = checkout("10.00");
        assertEquals(List.of(URI.create("/pay-sandbox/element.js")), session.scripts());
        assertEquals(List.of(), session.scriptSources(), "served by Portico itself");
        Map<String, String> element = session.elementAttributes();
        assertEquals("sandbox", element.get("processor"));
        assertEquals(account, element.get("account"));
        assertEquals("card us_bank_account", element.get("methods"));
        for (TestNumbers n : TestNumbers.values()) {
            assertTrue(element.get("test-cards").contains("\"" + n.number + "\""), n.name());
        }
    }

    @Test
    void anAccountStillOnboardingCannotTakePayments() throws PaymentException {
        Onboarding started = sandbox.onboard(new OnboardingRequest(null, "New Co", null, RETURN, RETURN));
        CheckoutRequest request = new CheckoutRequest(started.accountId(), UUID.randomUUID().toString(),
                usd("10.00"), Set.of(PaymentMethodKind.CARD), "test", Map.of(), "checkout:" + UUID.randomUUID());
        assertEquals(PaymentException.Kind.REJECTED,
                assertThrows(PaymentException.class, () -> sandbox.startCheckout(request)).kind());
    }

    // ------------------------------------------------------------------ helpers

    private static ProblemException badToken(TokenRequest request) {
        return assertThrows(ProblemException.class, () -> sandbox.tokenize(request));
    }

    private static CheckoutSession checkout(String amount) throws PaymentException {
        return sandbox.startCheckout(checkoutRequest(amount, "checkout:" + UUID.randomUUID()));
    }

    private static CheckoutRequest checkoutRequest(String amount, String key) {
        return new CheckoutRequest(account, "ledger-1", usd(amount),
                Set.of(PaymentMethodKind.CARD, PaymentMethodKind.US_BANK_ACCOUNT), "Invoices INV-1", Map.of(
                        "portico_payment", "ledger-1"), key);
    }

    private static String token(TestNumbers test, String billingState) {
        return test.kind == PaymentMethodKind.CARD
                ? sandbox.tokenize(new TokenRequest(account, "card", test.number, "12/34", "123", billingState, null,
                        null))
                : sandbox.tokenize(new TokenRequest(account, "us_bank_account", null, null, null, billingState,
                        TestNumbers.ROUTING_NUMBER, test.number));
    }

    private static PaymentState confirm(CheckoutSession session, String token, String amount, String key)
            throws PaymentException {
        return sandbox.confirm(new ConfirmRequest(account, session.processorReference(), token, usd(amount), RETURN,
                Map.of("surcharge", "0.00"), key));
    }

    private static RefundResult refund(CheckoutSession session, String amount, String key) throws PaymentException {
        return sandbox.refund(new RefundRequest(account, session.processorReference(), usd(amount), "requested",
                key));
    }

    private static Money usd(String amount) {
        return new Money(new BigDecimal(amount), java.util.Currency.getInstance("USD"));
    }

    /** Delivers what is due and gives the types received, in order, verifying each as the platform would. */
    private static List<String> deliveredTypes() {
        sandbox.deliverDue();
        List<String> types = new ArrayList<>();
        for (Delivery d : deliveries) {
            try {
                types.add(sandbox.verifyWebhook(new WebhookRequest(d.body(), d.headers())).type());
            } catch (PaymentException e) {
                throw new AssertionError(e);
            }
        }
        deliveries.clear();
        return types;
    }
}
