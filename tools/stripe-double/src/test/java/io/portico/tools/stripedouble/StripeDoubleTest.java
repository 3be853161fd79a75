package io.portico.tools.stripedouble;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.stripe.StripeClient;
import com.stripe.exception.AuthenticationException;
import com.stripe.exception.CardException;
import com.stripe.exception.IdempotencyException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.model.PaymentIntent;
import com.stripe.net.RequestOptions;
import com.stripe.param.PaymentIntentConfirmParams;
import com.stripe.param.AccountCreateParams;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.PaymentIntentVerifyMicrodepositsParams;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The double as stripe-java sees it on the wire. */
class StripeDoubleTest {

    private final StripeDouble stripe = StripeDouble.start("sk_test_double");
    private final StripeClient client = StripeClient.builder().setApiKey("sk_test_double")
            .setApiBase(stripe.apiBase()).build();

    @AfterEach
    void stop() {
        stripe.close();
    }

    private static PaymentIntentCreateParams.Builder intent(long amount) {
        return PaymentIntentCreateParams.builder().setAmount(amount).setCurrency("usd")
                .addPaymentMethodType("card");
    }

    @Test
    void refusesAParameterStripeDoesNotDefineForTheEndpoint() {
        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> client.v1().paymentIntents()
                .create(intent(1000).putExtraParam("surcharge", 30).build()));
        assertEquals("parameter_unknown", e.getCode());
        assertEquals("surcharge", e.getParam());
        assertEquals(400, e.getStatusCode());
        assertNotNull(e.getRequestId());
        // Nested keys are checked as deeply: transfer_data has no [fee].
        InvalidRequestException nested = assertThrows(InvalidRequestException.class, () -> client.v1()
                .paymentIntents().create(intent(1000).putExtraParam("transfer_data[fee]", 1).build()));
        assertEquals("transfer_data[fee]", nested.getParam());
        // …while a parameter defined for another endpoint is still unknown here.
        assertThrows(InvalidRequestException.class, () -> client.v1().paymentIntents()
                .create(intent(1000).putExtraParam("descriptor_code", "SM11AA").build()));
    }

    @Test
    void allowListMatchesListIndexesAndMapKeys() {
        AllowList list = AllowList.load();
        assertTrue(list.allows("POST /v1/payment_intents", "payment_method_types[0]"));
        assertTrue(list.allows("POST /v1/payment_intents", "payment_method_types[]"));
        assertTrue(list.allows("POST /v1/payment_intents", "metadata[portico_payment]"));
        assertTrue(list.allows("POST /v1/payment_intents", "transfer_data[destination]"));
        assertFalse(list.allows("POST /v1/payment_intents", "transfer_data[destination][x]"));
        assertFalse(list.allows("POST /v1/payment_intents", "payment_method_types[0][x]"));
        assertFalse(list.allows("POST /v1/payment_intents/{id}", "transfer_data[destination]"));
        assertTrue(list.allows("POST /v1/accounts", "capabilities[us_bank_account_ach_payments][requested]"));
    }

    @Test
    void idempotencyKeyReplaysTheFirstAnswerAndRefusesOtherParameters() throws Exception {
        RequestOptions key = RequestOptions.builder().setIdempotencyKey("checkout-1").build();
        PaymentIntent first = client.v1().paymentIntents().create(intent(1000).build(), key);
        PaymentIntent again = client.v1().paymentIntents().create(intent(1000).build(), key);
        assertEquals(first.getId(), again.getId());
        IdempotencyException other = assertThrows(IdempotencyException.class,
                () -> client.v1().paymentIntents().create(intent(2000).build(), key));
        assertEquals(400, other.getStatusCode());
    }

    @Test
    void wrongKeyIsUnauthorized() {
        StripeClient stranger = StripeClient.builder().setApiKey("sk_test_other").setApiBase(stripe.apiBase())
                .build();
        AuthenticationException e = assertThrows(AuthenticationException.class,
                () -> stranger.v1().paymentIntents().retrieve("pi_x"));
        assertEquals(401, e.getStatusCode());
    }

    @Test
    void declineIsACardErrorWithThePaymentIntent() throws Exception {
        PaymentIntent pi = client.v1().paymentIntents().create(intent(1000).build());
        String token = stripe.createConfirmationToken("pm_card_chargeDeclined", "NV");
        CardException e = assertThrows(CardException.class, () -> client.v1().paymentIntents().confirm(pi.getId(),
                PaymentIntentConfirmParams.builder().setConfirmationToken(token).build()));
        assertEquals(402, e.getStatusCode());
        assertEquals("card_declined", e.getCode());
        assertEquals("generic_decline", e.getDeclineCode());
        assertEquals("requires_payment_method", e.getStripeError().getPaymentIntent().getStatus());
        assertEquals("requires_payment_method", client.v1().paymentIntents().retrieve(pi.getId()).getStatus());
    }

    @Test
    void signsEventsWithStripeJavasHelper() throws Exception {
        client.v1().paymentIntents().create(intent(1000).build());
        String id = stripe.lastEventId("payment_intent.created");
        String body = stripe.eventBody(id);
        long now = System.currentTimeMillis() / 1000;
        assertEquals(id, com.stripe.net.Webhook.constructEvent(body, StripeDouble.sign(body, "whsec_x", now),
                "whsec_x").getId());
    }

    private PaymentIntent bankPaymentNeedingMicrodeposits(String accountNumber) throws Exception {
        PaymentIntent pi = client.v1().paymentIntents().create(PaymentIntentCreateParams.builder().setAmount(1000L)
                .setCurrency("usd").addPaymentMethodType("us_bank_account").build());
        String token = stripe.createBankConfirmationToken(accountNumber, null);
        return client.v1().paymentIntents().confirm(pi.getId(),
                PaymentIntentConfirmParams.builder().setConfirmationToken(token).build());
    }

    private static PaymentIntentVerifyMicrodepositsParams code(String code) {
        return PaymentIntentVerifyMicrodepositsParams.builder().setDescriptorCode(code).build();
    }

    @Test
    void descriptorCodeVerifiesTheBankAccountAndTheDebitProcesses() throws Exception {
        PaymentIntent pi = bankPaymentNeedingMicrodeposits("000123456789");
        assertEquals("requires_action", pi.getStatus());
        assertEquals("descriptor_code", pi.getNextAction().getVerifyWithMicrodeposits().getMicrodepositType());
        assertNotNull(pi.getNextAction().getVerifyWithMicrodeposits().getArrivalDate());
        assertNotNull(stripe.lastEventId("payment_intent.requires_action"));
        InvalidRequestException wrong = assertThrows(InvalidRequestException.class,
                () -> client.v1().paymentIntents().verifyMicrodeposits(pi.getId(), code("SM00ZZ")));
        assertEquals("payment_method_microdeposit_verification_descriptor_code_mismatch", wrong.getCode());
        assertTrue(wrong.getStripeError().getMessage().contains("2 verification attempts remaining"));
        // Amounts for a code: refused, and it does not count as an attempt.
        assertThrows(InvalidRequestException.class, () -> client.v1().paymentIntents().verifyMicrodeposits(
                pi.getId(), PaymentIntentVerifyMicrodepositsParams.builder().addAmount(32L).addAmount(45L).build()));
        PaymentIntent verified = client.v1().paymentIntents().verifyMicrodeposits(pi.getId(),
                code(StripeDouble.DESCRIPTOR_CODE));
        assertEquals("processing", verified.getStatus());
        assertNotNull(stripe.lastEventId("payment_intent.processing"));
        InvalidRequestException again = assertThrows(InvalidRequestException.class,
                () -> client.v1().paymentIntents().verifyMicrodeposits(pi.getId(), code(StripeDouble.DESCRIPTOR_CODE)));
        assertEquals("payment_intent_unexpected_state", again.getCode());
    }

    @Test
    void theHostedVerificationPageVerifiesTooAsTheAlternative() throws Exception {
        PaymentIntent pi = bankPaymentNeedingMicrodeposits("000123456789");
        java.net.URI page = java.net.URI.create(pi.getNextAction().getVerifyWithMicrodeposits()
                .getHostedVerificationUrl());
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        String form = http.send(java.net.http.HttpRequest.newBuilder(page).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        assertTrue(form.contains("name=descriptor_code"), form);
        String done = http.send(java.net.http.HttpRequest.newBuilder(page)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("descriptor_code=SM11AA&amounts%5B%5D="
                        + "&amounts%5B%5D=")).build(), java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        assertTrue(done.contains("verified (processing)"), done);
        assertEquals("processing", client.v1().paymentIntents().retrieve(pi.getId()).getStatus());
    }

    @Test
    void twoAmountsVerifyInAnyOrderAndTheThirdWrongAnswerFailsThePayment() throws Exception {
        PaymentIntent pi = bankPaymentNeedingMicrodeposits(StripeDouble.AMOUNTS_ACCOUNT_NUMBER);
        assertEquals("amounts", pi.getNextAction().getVerifyWithMicrodeposits().getMicrodepositType());
        assertEquals("processing", client.v1().paymentIntents().verifyMicrodeposits(pi.getId(),
                PaymentIntentVerifyMicrodepositsParams.builder().addAllAmount(List.of(45L, 32L)).build())
                .getStatus());

        PaymentIntent other = bankPaymentNeedingMicrodeposits(StripeDouble.AMOUNTS_ACCOUNT_NUMBER);
        PaymentIntentVerifyMicrodepositsParams wrong = PaymentIntentVerifyMicrodepositsParams.builder()
                .addAllAmount(List.of(10L, 20L)).build();
        for (int attempt = 1; attempt < StripeDouble.MICRODEPOSIT_ATTEMPTS; attempt++) {
            assertEquals("payment_method_microdeposit_verification_amounts_mismatch", assertThrows(
                    InvalidRequestException.class,
                    () -> client.v1().paymentIntents().verifyMicrodeposits(other.getId(), wrong)).getCode());
        }
        assertEquals("payment_method_microdeposit_verification_attempts_exceeded", assertThrows(
                InvalidRequestException.class,
                () -> client.v1().paymentIntents().verifyMicrodeposits(other.getId(), wrong)).getCode());
        PaymentIntent failed = client.v1().paymentIntents().retrieve(other.getId());
        assertEquals("requires_payment_method", failed.getStatus());
        assertEquals("payment_method_microdeposit_verification_attempts_exceeded",
                failed.getLastPaymentError().getCode());
    }

    @Test
    void loginLinkOnlyForAnOnboardedAccountAndOpensOnce() throws Exception {
        String account = client.v1().accounts().create(AccountCreateParams.builder()
                .setType(AccountCreateParams.Type.EXPRESS).build()).getId();
        assertThrows(InvalidRequestException.class, () -> client.v1().accounts().loginLinks().create(account));
        stripe.completeOnboarding(account, "NV");
        String url = client.v1().accounts().loginLinks().create(account).getUrl();
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        java.net.http.HttpRequest open = java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).build();
        assertTrue(http.send(open, java.net.http.HttpResponse.BodyHandlers.ofString()).body().contains(account));
        assertTrue(http.send(open, java.net.http.HttpResponse.BodyHandlers.ofString()).body().contains("already used"));
    }
}
