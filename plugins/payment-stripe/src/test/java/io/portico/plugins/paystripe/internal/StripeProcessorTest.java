package io.portico.plugins.paystripe.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.portico.api.payment.BankVerification;
import io.portico.api.payment.CardFunding;
import io.portico.api.payment.CheckoutRequest;
import io.portico.api.payment.CheckoutSession;
import io.portico.api.payment.ConfirmRequest;
import io.portico.api.payment.Dispute;
import io.portico.api.payment.Money;
import io.portico.api.payment.Onboarding;
import io.portico.api.payment.OnboardingRequest;
import io.portico.api.payment.PaymentException;
import io.portico.api.payment.PaymentMethodDetails;
import io.portico.api.payment.PaymentMethodKind;
import io.portico.api.payment.PaymentState;
import io.portico.api.payment.ProcessorAccount;
import io.portico.api.payment.ProcessorEvent;
import io.portico.api.payment.RefundRequest;
import io.portico.api.payment.RefundResult;
import io.portico.api.payment.WebhookRequest;
import io.portico.api.secrets.SecretBox;
import io.portico.tools.stripedouble.StripeDouble;
import java.lang.annotation.Annotation;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Stripe processor on the wire: stripe-java against the Stripe double. */
class StripeProcessorTest {

    private static final String KEY = "sk_test_portico";
    private static final String ACCOUNT_SECRET = "whsec_account";
    private static final String CONNECT_SECRET = "whsec_connect";
    private static final Currency USD = Currency.getInstance("USD");
    private static final URI RETURN = URI.create("https://portal.example/pay/p1/return");

    private final StripeDouble stripe = StripeDouble.start(KEY);
    private final StripeProcessor processor = processor(stripe.apiBase(), KEY, 25);

    @AfterEach
    void stop() {
        stripe.close();
    }

    static StripeProcessor processor(String apiBase, String key, int feeBasisPoints) {
        SecretBox plain = new SecretBox() {
            @Override
            public String seal(String plaintext) {
                return "ENC(" + plaintext + ")";
            }

            @Override
            public String reveal(String configuredValue) {
                return SecretBox.isSealed(configuredValue)
                        ? configuredValue.substring(4, configuredValue.length() - 1) : configuredValue;
            }
        };
        return StripeComponent.create(plain, config(apiBase, "ENC(" + key + ")", feeBasisPoints), Clock.systemUTC());
    }

    static StripeConfig config(String apiBase, String key, int feeBasisPoints) {
        return new StripeConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return StripeConfig.class;
            }

            @Override
            public String secretKey() {
                return key;
            }

            @Override
            public String publishableKey() {
                return "pk_test_portico";
            }

            @Override
            public String webhookSecret() {
                return "ENC(" + ACCOUNT_SECRET + ")";
            }

            @Override
            public String connectWebhookSecret() {
                return CONNECT_SECRET;
            }

            @Override
            public String apiBase() {
                return apiBase;
            }

            @Override
            public String scriptUrl() {
                return StripeProcessor.STRIPE_JS;
            }

            @Override
            public int applicationFeeBasisPoints() {
                return feeBasisPoints;
            }

            @Override
            public int maxNetworkRetries() {
                return 1;
            }
        };
    }

    private String readyAccount() throws PaymentException {
        Onboarding onboarding = processor.onboard(new OnboardingRequest(null, "Acme Supply", "owner@acme.example",
                URI.create("https://portal.example/admin/pay/return"),
                URI.create("https://portal.example/admin/pay/refresh")));
        stripe.completeOnboarding(onboarding.accountId(), "CO");
        return onboarding.accountId();
    }

    private CheckoutSession checkout(String account, String amount, Set<PaymentMethodKind> methods)
            throws PaymentException {
        return processor.startCheckout(new CheckoutRequest(account, "42", new Money(new BigDecimal(amount), USD),
                methods, "Invoices INV-1001 — Acme", Map.of("netsuite_invoices", "1001"),
                UUID.randomUUID().toString()));
    }

    private PaymentState confirm(String account, CheckoutSession session, String token, String amount) throws
            PaymentException {
        return processor.confirm(new ConfirmRequest(account, session.processorReference(), token,
                new Money(new BigDecimal(amount), USD), RETURN, Map.of("surcharge", "0"),
                UUID.randomUUID().toString()));
    }

    private JsonObject intent(String id) {
        String last = null;
        for (String event : stripe.events()) {
            JsonObject e = JsonParser.parseString(event).getAsJsonObject();
            JsonObject object = e.getAsJsonObject("data").getAsJsonObject("object");
            if (object.get("id").getAsString().equals(id)) {
                last = event;
            }
        }
        return JsonParser.parseString(last).getAsJsonObject().getAsJsonObject("data").getAsJsonObject("object");
    }

    // ---------------------------------------------------------------------------------------------------------

    @Test
    void onboardingCreatesAnExpressAccountAndSendsTheAdminToAnAccountLink() throws Exception {
        assertEquals(ProcessorAccount.State.NOT_CONNECTED, processor.account(null).state());
        Onboarding onboarding = processor.onboard(new OnboardingRequest(null, "Acme Supply", "owner@acme.example",
                URI.create("https://portal.example/admin/pay/return"),
                URI.create("https://portal.example/admin/pay/refresh")));
        assertTrue(onboarding.accountId().startsWith("acct_"));
        assertTrue(onboarding.redirectUri().toString().startsWith(stripe.apiBase() + "/double/onboarding/"));
        ProcessorAccount pending = processor.account(onboarding.accountId());
        assertEquals(ProcessorAccount.State.ONBOARDING, pending.state());
        assertEquals(Set.of(), pending.methods());
        assertTrue(pending.requirement().startsWith("Stripe still needs: business type"), pending.requirement());

        // Resuming makes a fresh link for the same account (links are single-use).
        Onboarding again = processor.onboard(new OnboardingRequest(onboarding.accountId(), null, null,
                URI.create("https://portal.example/r"), URI.create("https://portal.example/f")));
        assertEquals(onboarding.accountId(), again.accountId());
        assertNotEquals(onboarding.redirectUri(), again.redirectUri());
        assertEquals(1, stripe.requests().stream().filter("POST /v1/accounts"::equals).count());

        stripe.completeOnboarding(onboarding.accountId(), "CO");
        ProcessorAccount ready = processor.account(onboarding.accountId());
        assertEquals(ProcessorAccount.State.READY, ready.state());
        assertEquals(Set.of(PaymentMethodKind.CARD, PaymentMethodKind.US_BANK_ACCOUNT), ready.methods());
        assertEquals("CO", ready.businessState());
        assertNull(ready.requirement());
    }

    @Test
    void accountUpdatedArrivesOnTheConnectEndpointAndRestrictionsShow() throws Exception {
        String account = readyAccount();
        stripe.restrict(account, List.of("individual.verification.document"), "requirements.past_due");
        ProcessorAccount restricted = processor.account(account);
        assertEquals(ProcessorAccount.State.RESTRICTED, restricted.state());
        assertEquals("Stripe still needs: individual verification document.", restricted.requirement());

        String body = stripe.eventBody(stripe.lastEventId("account.updated"));
        long now = System.currentTimeMillis() / 1000;
        ProcessorEvent event = processor.verifyWebhook(webhook(body, StripeDouble.sign(body, CONNECT_SECRET, now),
                StripeProcessor.CONNECT_ENDPOINT));
        assertEquals("account.updated", event.type());
        assertEquals(account, event.accountId());
        assertNull(event.processorReference());
        // The account endpoint's secret did not sign it: refused there.
        PaymentException wrongEndpoint = assertThrows(PaymentException.class, () -> processor.verifyWebhook(
                webhook(body, StripeDouble.sign(body, CONNECT_SECRET, now), StripeProcessor.ACCOUNT_ENDPOINT)));
        assertEquals(PaymentException.Kind.FORGED, wrongEndpoint.kind());
    }

    @Test
    void cardPaymentSucceedsAsADestinationChargeForTheFinalAmount() throws Exception {
        String account = readyAccount();
        CheckoutSession session = checkout(account, "100.00", Set.of(PaymentMethodKind.CARD,
                PaymentMethodKind.US_BANK_ACCOUNT));
        assertTrue(session.processorReference().startsWith("pi_"));
        assertEquals(List.of(URI.create("/pay-stripe/checkout.js")), session.scripts());
        assertEquals("card us_bank_account", session.elementAttributes().get("payment-method-types"));
        assertEquals("10000", session.elementAttributes().get("amount"));
        assertEquals(account, session.elementAttributes().get("on-behalf-of"));
        assertEquals("pk_test_portico", session.elementAttributes().get("publishable-key"));
        assertEquals(List.of("https://js.stripe.com"), session.scriptSources());
        assertTrue(session.frameSources().contains("https://hooks.stripe.com"));
        JsonObject created = intent(session.processorReference());
        assertEquals(account, created.get("on_behalf_of").getAsString());
        assertEquals(account, created.getAsJsonObject("transfer_data").get("destination").getAsString());
        assertEquals(25, created.get("application_fee_amount").getAsLong());
        assertEquals("42", created.getAsJsonObject("metadata").get("portico_payment").getAsString());

        String token = stripe.createConfirmationToken("pm_card_visa", "NV");
        PaymentMethodDetails card = processor.inspect(account, token);
        assertEquals(new PaymentMethodDetails(PaymentMethodKind.CARD, CardFunding.CREDIT, "visa", "4242", "US", "NV",
                "US"), card);

        PaymentState paid = confirm(account, session, token, "103.00");
        assertEquals(PaymentState.Status.SUCCEEDED, paid.status());
        assertEquals(new Money(new BigDecimal("103.00"), USD), paid.amountReceived());
        assertEquals(Money.ofMinor(0, USD), paid.amountRefunded());
        assertEquals("4242", paid.method().last4());
        JsonObject confirmed = intent(session.processorReference());
        assertEquals(10300, confirmed.get("amount").getAsLong());
        assertEquals(26, confirmed.get("application_fee_amount").getAsLong(), "the fee follows the final amount");
        assertEquals(PaymentState.Status.SUCCEEDED, processor.fetch(account, session.processorReference()).status());
    }

    @Test
    void debitAndPrepaidCardsAreReportedAsSuch() throws Exception {
        String account = readyAccount();
        assertEquals(CardFunding.DEBIT, processor.inspect(account, stripe.createConfirmationToken(
                "pm_card_visa_debit", "CA")).funding());
        PaymentMethodDetails prepaid = processor.inspect(account, stripe.createConfirmationToken(
                "pm_card_mastercard_prepaid", null));
        assertEquals(CardFunding.PREPAID, prepaid.funding());
        assertNull(prepaid.billingState());
        PaymentException unknown = assertThrows(PaymentException.class,
                () -> processor.inspect(account, "ctoken_doesnotexist"));
        assertEquals(PaymentException.Kind.REJECTED, unknown.kind());
        assertTrue(unknown.getMessage().contains("Stripe request req_"), unknown.getMessage());
    }

    @Test
    void declinedCardIsAFailedPaymentWithStripesReason() throws Exception {
        String account = readyAccount();
        CheckoutSession session = checkout(account, "50.00", Set.of(PaymentMethodKind.CARD));
        PaymentState declined = confirm(account, session, stripe.createConfirmationToken("pm_card_chargeDeclined",
                "NV"), "50.00");
        assertEquals(PaymentState.Status.FAILED, declined.status());
        assertEquals("Your card was declined.", declined.failureReason());
        assertEquals("0002", declined.method().last4());
        PaymentState poor = processor.fetch(account, session.processorReference());
        assertEquals(PaymentState.Status.FAILED, poor.status());
    }

    @Test
    void threeDSecureSendsThePayerToStripeAndBack() throws Exception {
        String account = readyAccount();
        CheckoutSession session = checkout(account, "80.00", Set.of(PaymentMethodKind.CARD));
        PaymentState challenged = confirm(account, session,
                stripe.createConfirmationToken("pm_card_authenticationRequired", "NV"), "80.00");
        assertEquals(PaymentState.Status.REQUIRES_ACTION, challenged.status());
        assertEquals(stripe.apiBase() + "/double/3ds/" + session.processorReference(),
                challenged.actionUri().toString());
        stripe.authenticate(session.processorReference(), true);
        assertEquals(PaymentState.Status.SUCCEEDED, processor.fetch(account, session.processorReference()).status());

        CheckoutSession second = checkout(account, "80.00", Set.of(PaymentMethodKind.CARD));
        confirm(account, second, stripe.createConfirmationToken("pm_card_authenticationRequired", "NV"), "80.00");
        stripe.authenticate(second.processorReference(), false);
        PaymentState failed = processor.fetch(account, second.processorReference());
        assertEquals(PaymentState.Status.FAILED, failed.status());
        assertTrue(failed.failureReason().startsWith("We are unable to authenticate"), failed.failureReason());
    }

    @Test
    void bankDebitProcessesThenSettlesOrIsReturned() throws Exception {
        String account = readyAccount();
        CheckoutSession session = checkout(account, "500.00", Set.of(PaymentMethodKind.US_BANK_ACCOUNT));
        JsonObject created = intent(session.processorReference());
        assertEquals("automatic", created.getAsJsonObject("payment_method_options").getAsJsonObject("us_bank_account")
                .get("verification_method").getAsString());
        String token = stripe.createBankConfirmationToken(true, "NY");
        PaymentMethodDetails bank = processor.inspect(account, token);
        assertEquals(PaymentMethodKind.US_BANK_ACCOUNT, bank.kind());
        assertEquals(CardFunding.UNKNOWN, bank.funding());
        assertEquals("6789", bank.last4());
        assertEquals(PaymentState.Status.PROCESSING, confirm(account, session, token, "500.00").status());
        stripe.settleBankDebit(session.processorReference(), true);
        PaymentState settled = processor.fetch(account, session.processorReference());
        assertEquals(PaymentState.Status.SUCCEEDED, settled.status());
        assertEquals(new Money(new BigDecimal("500.00"), USD), settled.amountReceived());

        CheckoutSession returned = checkout(account, "200.00", Set.of(PaymentMethodKind.US_BANK_ACCOUNT));
        confirm(account, returned, stripe.createBankConfirmationToken(true, "NY"), "200.00");
        stripe.settleBankDebit(returned.processorReference(), false);
        PaymentState failed = processor.fetch(account, returned.processorReference());
        assertEquals(PaymentState.Status.FAILED, failed.status());
        assertEquals("The customer's bank account has been closed.", failed.failureReason());
    }

    @Test
    void bankAccountEnteredByHandWaitsForItsDescriptorCodeWhichThePayerEntersHere() throws Exception {
        String account = readyAccount();
        CheckoutSession session = checkout(account, "300.00", Set.of(PaymentMethodKind.US_BANK_ACCOUNT));
        PaymentState waiting = confirm(account, session, stripe.createBankConfirmationToken(false, "NY"), "300.00");
        assertEquals(PaymentState.Status.REQUIRES_ACTION, waiting.status());
        // No browser redirect: the payer is emailed a link to Portico's page; Stripe's page is the alternative.
        assertNull(waiting.actionUri());
        BankVerification verification = waiting.bankVerification();
        assertEquals(BankVerification.Kind.DESCRIPTOR_CODE, verification.kind());
        assertNotNull(verification.arrivesBy());
        assertEquals(stripe.apiBase() + "/double/microdeposits/" + session.processorReference(),
                verification.processorPage().toString());

        PaymentException wrong = assertThrows(PaymentException.class, () -> processor.verifyBankAccount(account,
                session.processorReference(), BankVerification.Answer.code("SM00ZZ")));
        assertEquals(PaymentException.Kind.REJECTED, wrong.kind());
        assertEquals("The provided descriptor code does not match the micro-deposit. You have 2 verification "
                + "attempts remaining.", wrong.getMessage());
        // What the payer typed, in lower case and with spaces around it, is the code Stripe sent.
        PaymentState verified = processor.verifyBankAccount(account, session.processorReference(),
                BankVerification.Answer.code(" sm11aa "));
        assertEquals(PaymentState.Status.PROCESSING, verified.status());
        assertNull(verified.bankVerification());
        assertTrue(stripe.requests().contains("POST /v1/payment_intents/" + session.processorReference()
                + "/verify_microdeposits"), stripe.requests().toString());
        PaymentException again = assertThrows(PaymentException.class, () -> processor.verifyBankAccount(account,
                session.processorReference(), BankVerification.Answer.code("SM11AA")));
        assertEquals("This bank account does not need verifying (any more).", again.getMessage());
        // Another operator's account cannot verify (nor learn of) the payment.
        assertThrows(PaymentException.class, () -> processor.verifyBankAccount(readyAccount(),
                session.processorReference(), BankVerification.Answer.code("SM11AA")));
    }

    @Test
    void microDepositAmountsVerifyAndTooManyWrongAnswersFailThePayment() throws Exception {
        String account = readyAccount();
        CheckoutSession session = checkout(account, "300.00", Set.of(PaymentMethodKind.US_BANK_ACCOUNT));
        PaymentState waiting = confirm(account, session, stripe.createBankConfirmationToken(
                StripeDouble.AMOUNTS_ACCOUNT_NUMBER, "NY"), "300.00");
        assertEquals(BankVerification.Kind.AMOUNTS, waiting.bankVerification().kind());
        assertEquals(PaymentState.Status.PROCESSING, processor.verifyBankAccount(account,
                session.processorReference(), BankVerification.Answer.amounts(32, 45)).status());

        CheckoutSession other = checkout(account, "300.00", Set.of(PaymentMethodKind.US_BANK_ACCOUNT));
        confirm(account, other, stripe.createBankConfirmationToken(StripeDouble.AMOUNTS_ACCOUNT_NUMBER, "NY"),
                "300.00");
        for (int attempt = 1; attempt < StripeDouble.MICRODEPOSIT_ATTEMPTS; attempt++) {
            assertTrue(assertThrows(PaymentException.class, () -> processor.verifyBankAccount(account,
                    other.processorReference(), BankVerification.Answer.amounts(1, 2))).getMessage()
                    .startsWith("The amounts provided do not match"));
        }
        PaymentException exhausted = assertThrows(PaymentException.class, () -> processor.verifyBankAccount(account,
                other.processorReference(), BankVerification.Answer.amounts(1, 2)));
        assertTrue(exhausted.getMessage().startsWith("There were too many wrong answers"), exhausted.getMessage());
        assertEquals(PaymentState.Status.FAILED, processor.fetch(account, other.processorReference()).status());
    }

    @Test
    void expressDashboardLinkIsFreshEachTimeAndRefusedBeforeOnboarding() throws Exception {
        String account = readyAccount();
        URI first = processor.dashboardLink(account);
        URI second = processor.dashboardLink(account);
        assertTrue(first.toString().startsWith(stripe.apiBase() + "/double/express/"), first.toString());
        assertNotEquals(first, second);
        assertTrue(stripe.requests().contains("POST /v1/accounts/" + account + "/login_links"));
        String onboarding = processor.onboard(new OnboardingRequest(null, "Acme", "admin@example.com",
                RETURN, RETURN)).accountId();
        PaymentException refused = assertThrows(PaymentException.class, () -> processor.dashboardLink(onboarding));
        assertTrue(refused.getMessage().startsWith("Cannot create a login link for an account that has not "
                + "completed onboarding. (Stripe request req_"), refused.getMessage());
    }

    @Test
    void refundsFullOrPartialReverseTheTransfer() throws Exception {
        String account = readyAccount();
        CheckoutSession session = checkout(account, "50.00", Set.of(PaymentMethodKind.CARD));
        confirm(account, session, stripe.createConfirmationToken("pm_card_visa", "NV"), "50.00");
        RefundResult partial = processor.refund(new RefundRequest(account, session.processorReference(),
                new Money(new BigDecimal("10.00"), USD), "Damaged item", "refund-1"));
        assertEquals(RefundResult.Status.SUCCEEDED, partial.status());
        JsonObject refund = intent(partial.refundReference());
        assertEquals("Damaged item", refund.getAsJsonObject("metadata").get("reason").getAsString());
        assertEquals(new Money(new BigDecimal("10.00"), USD),
                processor.fetch(account, session.processorReference()).amountRefunded());
        // The same key again is the same refund, not a second one.
        assertEquals(partial.refundReference(), processor.refund(new RefundRequest(account,
                session.processorReference(), new Money(new BigDecimal("10.00"), USD), "Damaged item", "refund-1"))
                .refundReference());
        RefundResult rest = processor.refund(new RefundRequest(account, session.processorReference(),
                new Money(new BigDecimal("40.00"), USD), null, "refund-2"));
        assertEquals(RefundResult.Status.SUCCEEDED, rest.status());
        PaymentException tooMuch = assertThrows(PaymentException.class, () -> processor.refund(new RefundRequest(
                account, session.processorReference(), new Money(new BigDecimal("1.00"), USD), null, "refund-3")));
        assertEquals(PaymentException.Kind.REJECTED, tooMuch.kind());
        assertTrue(tooMuch.getMessage().contains("has already been refunded"), tooMuch.getMessage());
        assertEquals(RefundResult.Status.SUCCEEDED, processor.fetchRefund(account, rest.refundReference()).status());
    }

    @Test
    void bankRefundIsPendingUntilStripeSettlesIt() throws Exception {
        String account = readyAccount();
        CheckoutSession session = checkout(account, "500.00", Set.of(PaymentMethodKind.US_BANK_ACCOUNT));
        confirm(account, session, stripe.createBankConfirmationToken(true, "NY"), "500.00");
        stripe.settleBankDebit(session.processorReference(), true);
        RefundResult pending = processor.refund(new RefundRequest(account, session.processorReference(),
                new Money(new BigDecimal("500.00"), USD), null, "refund-bank"));
        assertEquals(RefundResult.Status.PENDING, pending.status());
        assertEquals(RefundResult.Status.PENDING, processor.fetchRefund(account, pending.refundReference()).status());
        stripe.settleRefund(pending.refundReference(), true);
        assertEquals(RefundResult.Status.SUCCEEDED, processor.fetchRefund(account, pending.refundReference())
                .status());
    }

    @Test
    void disputeShowsOnThePaymentAndItsEventNamesThePayment() throws Exception {
        String account = readyAccount();
        CheckoutSession session = checkout(account, "50.00", Set.of(PaymentMethodKind.CARD));
        confirm(account, session, stripe.createConfirmationToken("pm_card_visa", "NV"), "50.00");
        assertEquals(List.of(), processor.disputes(account, session.processorReference()));
        String disputeId = stripe.openDispute(session.processorReference(), "product_not_received");
        assertTrue(processor.fetch(account, session.processorReference()).disputed());
        List<Dispute> disputes = processor.disputes(account, session.processorReference());
        assertEquals(1, disputes.size());
        Dispute dispute = disputes.get(0);
        assertEquals(disputeId, dispute.disputeReference());
        assertEquals(new Money(new BigDecimal("50.00"), USD), dispute.amount());
        assertEquals("product not received", dispute.reason());
        assertEquals(Dispute.Status.NEEDS_RESPONSE, dispute.status());
        assertTrue(dispute.evidenceDueBy().isAfter(java.time.Instant.now().plus(java.time.Duration.ofDays(6))));
        String other = readyAccount();
        assertThrows(PaymentException.class, () -> processor.disputes(other, session.processorReference()),
                "another operator's payment's disputes are not there");
        String body = stripe.eventBody(stripe.lastEventId("charge.dispute.created"));
        ProcessorEvent event = processor.verifyWebhook(webhook(body, StripeDouble.sign(body, ACCOUNT_SECRET,
                System.currentTimeMillis() / 1000), StripeProcessor.ACCOUNT_ENDPOINT));
        assertEquals(session.processorReference(), event.processorReference());
    }

    @Test
    void webhooksForgedStaleOrFromTheWrongModeChangeNothing() throws Exception {
        String account = readyAccount();
        CheckoutSession session = checkout(account, "50.00", Set.of(PaymentMethodKind.CARD));
        confirm(account, session, stripe.createConfirmationToken("pm_card_visa", "NV"), "50.00");
        String body = stripe.eventBody(stripe.lastEventId("payment_intent.succeeded"));
        long now = System.currentTimeMillis() / 1000;
        String signature = StripeDouble.sign(body, ACCOUNT_SECRET, now);

        ProcessorEvent event = processor.verifyWebhook(webhook(body, signature, null));
        assertEquals("payment_intent.succeeded", event.type());
        assertEquals(session.processorReference(), event.processorReference());
        assertEquals(account, event.accountId());
        // A replay within Stripe's tolerance is the same event: the platform stores it once by its id.
        assertEquals(event.eventId(), processor.verifyWebhook(webhook(body, signature, null)).eventId());

        assertForged(webhook(body.replace("succeeded", "canceled"), signature, null), "another body");
        assertForged(webhook(body, StripeDouble.sign(body, "whsec_guess", now), null), "another secret");
        assertForged(webhook(body, null, null), "no signature");
        assertForged(webhook(body, "t=" + now + ",v1=00", null), "a malformed signature");
        assertForged(webhook(body, StripeDouble.sign(body, ACCOUNT_SECRET, now - 600), null), "replayed late");
        assertForged(webhook(body, signature, "payouts"), "an endpoint that does not exist");

        String live = body.replace("\"livemode\":false", "\"livemode\":true");
        ProcessorEvent otherMode = processor.verifyWebhook(webhook(live, StripeDouble.sign(live, ACCOUNT_SECRET, now),
                null));
        assertNull(otherMode.processorReference(), "a live event is none of a test install's business");
    }

    @Test
    void stripeErrorsBecomePlainMessagesWithStripesRequestId() throws Exception {
        String account = readyAccount();
        // Another operator's payment is unknown here, exactly like a missing one.
        String other = readyAccount();
        CheckoutSession theirs = checkout(other, "50.00", Set.of(PaymentMethodKind.CARD));
        PaymentException foreign = assertThrows(PaymentException.class,
                () -> processor.fetch(account, theirs.processorReference()));
        assertEquals("No such payment: '" + theirs.processorReference() + "'", foreign.getMessage());
        PaymentException missing = assertThrows(PaymentException.class, () -> processor.fetch(account, "pi_nope"));
        assertEquals(PaymentException.Kind.REJECTED, missing.kind());
        assertTrue(missing.getMessage().startsWith("No such payment_intent: 'pi_nope' (Stripe request req_"),
                missing.getMessage());

        StripeProcessor wrongKey = processor(stripe.apiBase(), "sk_test_revoked", 0);
        PaymentException refused = assertThrows(PaymentException.class, () -> wrongKey.account(account));
        assertEquals(PaymentException.Kind.REJECTED, refused.kind());
        assertTrue(refused.getMessage().startsWith("Stripe refused the portal's API key"), refused.getMessage());

        String closed;
        try (StripeDouble gone = StripeDouble.start(KEY)) {
            closed = gone.apiBase();
        }
        PaymentException unreachable = assertThrows(PaymentException.class,
                () -> processor(closed, KEY, 0).account(account));
        assertEquals(PaymentException.Kind.UNAVAILABLE, unreachable.kind());
        assertTrue(unreachable.retryable());
        for (PaymentException e : List.of(foreign, missing, refused, unreachable)) {
            assertFalse(e.getMessage().matches(".*\\b(com|java)\\.[a-z]+\\..*"), e.getMessage());
        }
    }

    @Test
    void checkoutAgainWithTheSameKeyIsTheSamePaymentAndCancelStopsIt() throws Exception {
        String account = readyAccount();
        CheckoutRequest request = new CheckoutRequest(account, "7", new Money(new BigDecimal("20.00"), USD),
                Set.of(PaymentMethodKind.CARD), "Invoice INV-7", Map.of(), "checkout-7");
        String first = processor.startCheckout(request).processorReference();
        assertEquals(first, processor.startCheckout(request).processorReference());
        assertEquals(PaymentState.Status.CANCELED, processor.cancel(account, first).status());
        assertEquals(PaymentState.Status.CANCELED, processor.cancel(account, first).status(), "safe to repeat");

        CheckoutSession paid = checkout(account, "20.00", Set.of(PaymentMethodKind.CARD));
        confirm(account, paid, stripe.createConfirmationToken("pm_card_visa", "NV"), "20.00");
        assertEquals(PaymentState.Status.SUCCEEDED, processor.cancel(account, paid.processorReference()).status(),
                "a payment Stripe moved on is left as it is");
    }

    private static WebhookRequest webhook(String body, String signature, String endpoint) {
        return new WebhookRequest(body.getBytes(StandardCharsets.UTF_8),
                signature == null ? Map.of() : Map.of("stripe-signature", List.of(signature)), endpoint);
    }

    private void assertForged(WebhookRequest request, String what) {
        PaymentException e = assertThrows(PaymentException.class, () -> processor.verifyWebhook(request), what);
        assertEquals(PaymentException.Kind.FORGED, e.kind(), what);
        assertNotNull(e.getMessage());
    }
}
