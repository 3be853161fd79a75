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
import com.stripe.param.PaymentIntentCreateParams;
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
}
