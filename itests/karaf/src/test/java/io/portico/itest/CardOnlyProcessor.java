package io.portico.itest;

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
import io.portico.api.payment.PaymentProcessor;
import io.portico.api.payment.PaymentState;
import io.portico.api.payment.ProcessorAccount;
import io.portico.api.payment.ProcessorEvent;
import io.portico.api.payment.RefundRequest;
import io.portico.api.payment.RefundResult;
import io.portico.api.payment.WebhookRequest;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A processor the integration tests register themselves: the method token {@code credit} is a credit card that is
 * paid at once, any other is refused. Enough to pay through the real pages without the sandbox plugin.
 */
final class CardOnlyProcessor implements PaymentProcessor {

    private final Map<String, PaymentState> payments = new ConcurrentHashMap<>();

    @Override
    public String displayName() {
        return "Integration test cards";
    }

    @Override
    public ProcessorAccount account(String accountId) {
        return new ProcessorAccount(accountId, ProcessorAccount.State.READY, Set.of(PaymentMethodKind.CARD), "NV",
                null);
    }

    @Override
    public Onboarding onboard(OnboardingRequest request) {
        return new Onboarding("acct_itest", request.returnUri());
    }

    @Override
    public CheckoutSession startCheckout(CheckoutRequest request) {
        String reference = "pi_" + request.idempotencyKey().replace("checkout:", "");
        payments.putIfAbsent(reference, new PaymentState(reference, PaymentState.Status.REQUIRES_PAYMENT_METHOD,
                null, null, null, null, false, null));
        return new CheckoutSession(reference, List.of(), Map.of("reference", reference), List.of(), List.of(),
                List.of());
    }

    @Override
    public PaymentMethodDetails inspect(String accountId, String token) throws PaymentException {
        if (!"credit".equals(token)) {
            throw new PaymentException(PaymentException.Kind.REJECTED, "This payment method has expired.");
        }
        return new PaymentMethodDetails(PaymentMethodKind.CARD, CardFunding.CREDIT, "visa", "4242", "US", "NV", "US");
    }

    @Override
    public PaymentState confirm(ConfirmRequest request) throws PaymentException {
        PaymentState state = new PaymentState(request.processorReference(), PaymentState.Status.SUCCEEDED, null,
                null, request.amount(), new Money(BigDecimal.ZERO, request.amount().currency()), false,
                inspect(request.accountId(), request.methodToken()));
        payments.put(request.processorReference(), state);
        return state;
    }

    @Override
    public PaymentState fetch(String accountId, String reference) {
        return payments.get(reference);
    }

    @Override
    public ProcessorEvent verifyWebhook(WebhookRequest request) throws PaymentException {
        throw new PaymentException(PaymentException.Kind.FORGED, "unsigned");
    }

    @Override
    public RefundResult refund(RefundRequest request) {
        return new RefundResult("re_itest", RefundResult.Status.SUCCEEDED, null);
    }
}
