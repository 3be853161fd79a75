package io.portico.plugins.paystripe.internal;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.stripe.StripeClient;
import com.stripe.exception.CardException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.exception.StripeException;
import com.stripe.model.Account;
import com.stripe.model.AccountLink;
import com.stripe.model.Charge;
import com.stripe.model.ConfirmationToken;
import com.stripe.model.PaymentIntent;
import com.stripe.model.PaymentMethod;
import com.stripe.model.Refund;
import com.stripe.net.RequestOptions;
import com.stripe.net.Webhook;
import com.stripe.param.AccountCreateParams;
import com.stripe.param.AccountLinkCreateParams;
import com.stripe.param.AccountRetrieveParams;
import com.stripe.param.DisputeListParams;
import com.stripe.param.PaymentIntentCancelParams;
import com.stripe.param.PaymentIntentConfirmParams;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.PaymentIntentRetrieveParams;
import com.stripe.param.PaymentIntentUpdateParams;
import com.stripe.param.PaymentIntentVerifyMicrodepositsParams;
import com.stripe.param.RefundCreateParams;
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
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Stripe processor: Connect Express accounts onboarded through Account Links, destination charges
 * ({@code transfer_data[destination]} + {@code on_behalf_of}, the operator's account as merchant of record) as
 * PaymentIntents for cards and US bank accounts, confirmed on the server with the ConfirmationToken Stripe.js made in
 * the payer's browser, refunds that reverse the transfer, and webhooks from two endpoints each with its own secret.
 * Keeps nothing itself: Stripe is asked every time. Thread-safe (StripeClient is).
 */
final class StripeProcessor {

    static final String PLUGIN_NAME = "stripe";
    static final String STRIPE_JS = "https://js.stripe.com/v3/";
    /** The checkout script Portico serves; it loads Stripe.js and mounts the Payment Element. */
    static final String CHECKOUT_SCRIPT = "/pay-stripe/checkout.js";
    /** The webhook endpoints' names: {@code /api/pay/webhooks/stripe/account} and {@code …/connect}. */
    static final String ACCOUNT_ENDPOINT = "account";
    static final String CONNECT_ENDPOINT = "connect";

    // Stripe.js and its frames (3-D Secure, Financial Connections), its API, and the hosted micro-deposit page.
    private static final List<String> SCRIPT_SOURCES = List.of("https://js.stripe.com");
    private static final List<String> FRAME_SOURCES = List.of("https://js.stripe.com", "https://hooks.stripe.com",
            "https://payments.stripe.com");
    private static final List<String> CONNECT_SOURCES = List.of("https://api.stripe.com");
    private static final Logger LOG = LoggerFactory.getLogger(StripeProcessor.class);

    /** What the processor needs besides the client. */
    record Settings(String publishableKey, String scriptUrl, String webhookSecret, String connectWebhookSecret,
            int applicationFeeBasisPoints, boolean live) {
    }

    private final StripeClient client;
    private final Settings settings;
    private final Clock clock;

    StripeProcessor(StripeClient client, Settings settings, Clock clock) {
        this.client = client;
        this.settings = settings;
        this.clock = clock;
    }

    // ---------------------------------------------------------------------------------------------------------
    // The operator's account

    ProcessorAccount account(String accountId) throws PaymentException {
        if (accountId == null) {
            return new ProcessorAccount(null, ProcessorAccount.State.NOT_CONNECTED, Set.of(), null, null);
        }
        Account account;
        try {
            account = client.v1().accounts().retrieve(accountId, AccountRetrieveParams.builder().build());
        } catch (StripeException e) {
            throw StripeErrors.map(e);
        }
        return accountState(account);
    }

    static ProcessorAccount accountState(Account account) {
        boolean ready = Boolean.TRUE.equals(account.getChargesEnabled())
                && Boolean.TRUE.equals(account.getDetailsSubmitted());
        Set<PaymentMethodKind> methods = EnumSet.noneOf(PaymentMethodKind.class);
        if (ready && account.getCapabilities() != null) {
            if ("active".equals(account.getCapabilities().getCardPayments())) {
                methods.add(PaymentMethodKind.CARD);
            }
            if ("active".equals(account.getCapabilities().getUsBankAccountAchPayments())) {
                methods.add(PaymentMethodKind.US_BANK_ACCOUNT);
            }
        }
        Account.Requirements requirements = account.getRequirements();
        String disabled = requirements == null ? null : requirements.getDisabledReason();
        List<String> due = requirements == null || requirements.getCurrentlyDue() == null ? List.of()
                : requirements.getCurrentlyDue();
        String requirement = due.isEmpty() ? null : "Stripe still needs: " + due.stream()
                .map(field -> field.replace('.', ' ').replace('_', ' ')).collect(Collectors.joining(", ")) + ".";
        ProcessorAccount.State state;
        if (ready && !methods.isEmpty()) {
            state = ProcessorAccount.State.READY;
        } else if (Boolean.TRUE.equals(account.getDetailsSubmitted()) && disabled != null) {
            state = ProcessorAccount.State.RESTRICTED;
            requirement = requirement != null ? requirement : "Stripe has restricted the account (" + disabled
                    + "): see the Stripe dashboard.";
        } else {
            state = ProcessorAccount.State.ONBOARDING;
        }
        return new ProcessorAccount(account.getId(), state, state == ProcessorAccount.State.READY ? methods : Set.of(),
                businessState(account), requirement);
    }

    private static String businessState(Account account) {
        com.stripe.model.Address address = account.getCompany() != null ? account.getCompany().getAddress()
                : account.getIndividual() != null ? account.getIndividual().getAddress() : null;
        if (address == null || address.getState() == null || !"US".equals(address.getCountry())) {
            return null;
        }
        return address.getState().toUpperCase(Locale.ROOT);
    }

    /** A single-use link into the operator's Express dashboard; Stripe makes them for onboarded accounts only. */
    URI dashboardLink(String accountId) throws PaymentException {
        try {
            return URI.create(client.v1().accounts().loginLinks().create(accountId).getUrl());
        } catch (StripeException e) {
            throw StripeErrors.map(e);
        }
    }

    Onboarding onboard(OnboardingRequest request) throws PaymentException {
        try {
            String accountId = request.accountId();
            if (accountId == null) {
                AccountCreateParams.Capabilities requested = AccountCreateParams.Capabilities.builder()
                        .setCardPayments(AccountCreateParams.Capabilities.CardPayments.builder().setRequested(true)
                                .build())
                        .setTransfers(AccountCreateParams.Capabilities.Transfers.builder().setRequested(true).build())
                        .setUsBankAccountAchPayments(AccountCreateParams.Capabilities.UsBankAccountAchPayments
                                .builder().setRequested(true).build())
                        .build();
                AccountCreateParams.Builder params = AccountCreateParams.builder()
                        .setType(AccountCreateParams.Type.EXPRESS).setCountry("US").setCapabilities(requested);
                if (request.email() != null) {
                    params.setEmail(request.email());
                }
                if (request.businessName() != null) {
                    params.setBusinessProfile(AccountCreateParams.BusinessProfile.builder()
                            .setName(request.businessName()).build());
                }
                accountId = client.v1().accounts().create(params.build()).getId();
            }
            AccountLink link = client.v1().accountLinks().create(AccountLinkCreateParams.builder()
                    .setAccount(accountId).setType(AccountLinkCreateParams.Type.ACCOUNT_ONBOARDING)
                    .setReturnUrl(request.returnUri().toString()).setRefreshUrl(request.refreshUri().toString())
                    .build());
            return new Onboarding(accountId, URI.create(link.getUrl()));
        } catch (StripeException e) {
            throw StripeErrors.map(e);
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Payments

    CheckoutSession startCheckout(CheckoutRequest request) throws PaymentException {
        if (request.methods().isEmpty()) {
            throw new PaymentException(PaymentException.Kind.REJECTED, "Name at least one payment method.");
        }
        long amount = request.amount().minorUnits();
        PaymentIntentCreateParams.Builder params = PaymentIntentCreateParams.builder()
                .setAmount(amount).setCurrency(currency(request.amount()))
                .setOnBehalfOf(request.accountId())
                .setTransferData(PaymentIntentCreateParams.TransferData.builder()
                        .setDestination(request.accountId()).build())
                .putAllMetadata(request.metadata()).putMetadata("portico_payment", request.paymentId());
        if (request.description() != null) {
            params.setDescription(request.description());
        }
        long fee = applicationFee(amount);
        if (fee > 0) {
            params.setApplicationFeeAmount(fee);
        }
        for (PaymentMethodKind kind : sorted(request.methods())) {
            params.addPaymentMethodType(type(kind));
        }
        if (request.methods().contains(PaymentMethodKind.US_BANK_ACCOUNT)) {
            // Financial Connections first; the Payment Element falls back to micro-deposits on its own.
            params.setPaymentMethodOptions(PaymentIntentCreateParams.PaymentMethodOptions.builder()
                    .setUsBankAccount(PaymentIntentCreateParams.PaymentMethodOptions.UsBankAccount.builder()
                            .setVerificationMethod(PaymentIntentCreateParams.PaymentMethodOptions.UsBankAccount
                                    .VerificationMethod.AUTOMATIC)
                            .setFinancialConnections(PaymentIntentCreateParams.PaymentMethodOptions.UsBankAccount
                                    .FinancialConnections.builder()
                                    .addPermission(PaymentIntentCreateParams.PaymentMethodOptions.UsBankAccount
                                            .FinancialConnections.Permission.PAYMENT_METHOD)
                                    .build())
                            .build())
                    .build());
        }
        PaymentIntent pi;
        try {
            pi = client.v1().paymentIntents().create(params.build(), key(request.idempotencyKey()));
        } catch (StripeException e) {
            throw StripeErrors.map(e);
        }
        Map<String, String> element = new LinkedHashMap<>();
        element.put("processor", PLUGIN_NAME);
        element.put("publishable-key", settings.publishableKey());
        element.put("stripe-js", settings.scriptUrl());
        element.put("amount", Long.toString(amount));
        element.put("currency", currency(request.amount()));
        element.put("payment-method-types", sorted(request.methods()).stream().map(StripeProcessor::type)
                .collect(Collectors.joining(" ")));
        element.put("on-behalf-of", request.accountId());
        return new CheckoutSession(pi.getId(), List.of(URI.create(CHECKOUT_SCRIPT)), element,
                sources(SCRIPT_SOURCES), sources(FRAME_SOURCES), sources(CONNECT_SOURCES));
    }

    /** Stripe's origins, plus the stand-in's when the script is served from elsewhere (tests). */
    private List<String> sources(List<String> stripe) {
        URI script = URI.create(settings.scriptUrl());
        String origin = script.getScheme() + "://" + script.getAuthority();
        if (STRIPE_JS.equals(settings.scriptUrl()) || !"https".equals(script.getScheme()) || stripe.contains(origin)) {
            return stripe;
        }
        List<String> all = new ArrayList<>(stripe);
        all.add(origin);
        return all;
    }

    PaymentMethodDetails inspect(String accountId, String methodToken) throws PaymentException {
        ConfirmationToken token;
        try {
            token = client.v1().confirmationTokens().retrieve(methodToken);
        } catch (StripeException e) {
            throw StripeErrors.map(e);
        }
        if (token.getExpiresAt() != null && token.getExpiresAt() < clock.instant().getEpochSecond()) {
            throw new PaymentException(PaymentException.Kind.REJECTED,
                    "The payment method entered has expired: please enter it again.");
        }
        ConfirmationToken.PaymentMethodPreview preview = token.getPaymentMethodPreview();
        if (preview == null) {
            throw new PaymentException(PaymentException.Kind.REJECTED, "Stripe did not describe the payment method.");
        }
        com.stripe.model.Address address = preview.getBillingDetails() == null ? null
                : preview.getBillingDetails().getAddress();
        String billingCountry = address == null ? null : address.getCountry();
        String billingState = address == null || address.getState() == null || !"US".equals(billingCountry) ? null
                : address.getState().toUpperCase(Locale.ROOT);
        if ("card".equals(preview.getType()) && preview.getCard() != null) {
            ConfirmationToken.PaymentMethodPreview.Card card = preview.getCard();
            return new PaymentMethodDetails(PaymentMethodKind.CARD, funding(card.getFunding()), card.getBrand(),
                    card.getLast4(), card.getCountry(), billingState, billingCountry);
        }
        if ("us_bank_account".equals(preview.getType()) && preview.getUsBankAccount() != null) {
            return new PaymentMethodDetails(PaymentMethodKind.US_BANK_ACCOUNT, CardFunding.UNKNOWN,
                    preview.getUsBankAccount().getBankName(), preview.getUsBankAccount().getLast4(), "US",
                    billingState, billingCountry);
        }
        throw new PaymentException(PaymentException.Kind.REJECTED,
                "This kind of payment method is not taken here: please use a card or a US bank account.");
    }

    PaymentState confirm(ConfirmRequest request) throws PaymentException {
        PaymentIntent pi = owned(request.accountId(), request.processorReference());
        if (!"requires_payment_method".equals(pi.getStatus()) && !"requires_confirmation".equals(pi.getStatus())) {
            return state(pi);
        }
        long amount = request.amount().minorUnits();
        try {
            if (pi.getAmount() != amount || !request.metadata().isEmpty()) {
                PaymentIntentUpdateParams.Builder update = PaymentIntentUpdateParams.builder().setAmount(amount)
                        .putAllMetadata(request.metadata());
                long fee = applicationFee(amount);
                if (fee > 0) {
                    update.setApplicationFeeAmount(fee);
                }
                client.v1().paymentIntents().update(pi.getId(), update.build(),
                        key(request.idempotencyKey() + ":amount"));
            }
            PaymentIntentConfirmParams.Builder confirm = PaymentIntentConfirmParams.builder()
                    .setConfirmationToken(request.methodToken()).addExpand("latest_charge").addExpand("payment_method");
            if (request.returnUri() != null) {
                confirm.setReturnUrl(request.returnUri().toString());
            }
            return state(client.v1().paymentIntents().confirm(pi.getId(), confirm.build(),
                    key(request.idempotencyKey())));
        } catch (CardException e) {
            // A decline is an answer about the payment, not a failed call: Stripe has recorded it on the intent.
            return fetch(request.accountId(), request.processorReference());
        } catch (StripeException e) {
            throw StripeErrors.map(e);
        }
    }

    PaymentState fetch(String accountId, String processorReference) throws PaymentException {
        return state(owned(accountId, processorReference));
    }

    PaymentState cancel(String accountId, String processorReference) throws PaymentException {
        PaymentIntent pi = owned(accountId, processorReference);
        if (!"requires_payment_method".equals(pi.getStatus()) && !"requires_confirmation".equals(pi.getStatus())) {
            return state(pi);
        }
        try {
            client.v1().paymentIntents().cancel(pi.getId(), PaymentIntentCancelParams.builder()
                    .setCancellationReason(PaymentIntentCancelParams.CancellationReason.ABANDONED).build(),
                    key("cancel:" + pi.getId()));
        } catch (StripeException e) {
            throw StripeErrors.map(e);
        }
        return fetch(accountId, processorReference);
    }

    /** The payment intent with its charge and method, if it is a payment to this account; otherwise unknown. */
    private PaymentIntent owned(String accountId, String processorReference) throws PaymentException {
        PaymentIntent pi;
        try {
            pi = client.v1().paymentIntents().retrieve(processorReference, PaymentIntentRetrieveParams.builder()
                    .addExpand("latest_charge").addExpand("payment_method").build());
        } catch (StripeException e) {
            throw StripeErrors.map(e);
        }
        if (pi.getTransferData() == null || accountId == null
                || !accountId.equals(pi.getTransferData().getDestination())) {
            throw new PaymentException(PaymentException.Kind.REJECTED, "No such payment: '" + processorReference
                    + "'");
        }
        return pi;
    }

    static PaymentState state(PaymentIntent pi) {
        Currency currency = Currency.getInstance(pi.getCurrency().toUpperCase(Locale.ROOT));
        Charge charge = pi.getLatestChargeObject();
        Money refunded = Money.ofMinor(charge == null || charge.getAmountRefunded() == null ? 0
                : charge.getAmountRefunded(), currency);
        boolean disputed = charge != null && Boolean.TRUE.equals(charge.getDisputed());
        PaymentMethod method = pi.getPaymentMethodObject() != null ? pi.getPaymentMethodObject()
                : pi.getLastPaymentError() != null ? pi.getLastPaymentError().getPaymentMethod() : null;
        PaymentMethodDetails details = details(method);
        return switch (pi.getStatus()) {
            case "succeeded" -> new PaymentState(pi.getId(), PaymentState.Status.SUCCEEDED, null, null,
                    Money.ofMinor(pi.getAmountReceived(), currency), refunded, disputed, details);
            case "processing" -> new PaymentState(pi.getId(), PaymentState.Status.PROCESSING, null, null, null,
                    refunded, disputed, details);
            case "requires_action" -> new PaymentState(pi.getId(), PaymentState.Status.REQUIRES_ACTION,
                    actionUri(pi), null, null, refunded, disputed, details, bankVerification(pi));
            case "canceled" -> new PaymentState(pi.getId(), PaymentState.Status.CANCELED, null, null, null, refunded,
                    disputed, details);
            default -> pi.getLastPaymentError() != null
                    ? new PaymentState(pi.getId(), PaymentState.Status.FAILED, null,
                            failureReason(pi.getLastPaymentError()), null, refunded, disputed, details)
                    : new PaymentState(pi.getId(), PaymentState.Status.REQUIRES_PAYMENT_METHOD, null, null, null,
                            refunded, disputed, details);
        };
    }

    /** Where the payer's browser goes next: the 3-D Secure page. */
    private static URI actionUri(PaymentIntent pi) {
        PaymentIntent.NextAction next = pi.getNextAction();
        if (next == null || next.getRedirectToUrl() == null || next.getRedirectToUrl().getUrl() == null) {
            return null;
        }
        return URI.create(next.getRedirectToUrl().getUrl());
    }

    /**
     * The micro-deposits of a bank account entered by hand: a descriptor code or two amounts, when they arrive, and
     * Stripe's hosted page for entering them (the alternative to Portico's).
     */
    private static BankVerification bankVerification(PaymentIntent pi) {
        PaymentIntent.NextAction next = pi.getNextAction();
        PaymentIntent.NextAction.VerifyWithMicrodeposits verify = next == null ? null
                : next.getVerifyWithMicrodeposits();
        if (verify == null) {
            return null;
        }
        return new BankVerification("amounts".equals(verify.getMicrodepositType()) ? BankVerification.Kind.AMOUNTS
                : BankVerification.Kind.DESCRIPTOR_CODE,
                verify.getArrivalDate() == null ? null : Instant.ofEpochSecond(verify.getArrivalDate()),
                verify.getHostedVerificationUrl() == null ? null : URI.create(verify.getHostedVerificationUrl()));
    }

    /**
     * Sends what the payer read off their statement to Stripe ({@code verify_microdeposits}). Stripe's refusals are
     * sentences for the payer: a wrong answer says how many attempts are left; after the last one the payment has
     * failed and the page shows that.
     */
    PaymentState verifyBankAccount(String accountId, String processorReference, BankVerification.Answer answer)
            throws PaymentException {
        PaymentIntent pi = owned(accountId, processorReference);
        PaymentIntentVerifyMicrodepositsParams.Builder params = PaymentIntentVerifyMicrodepositsParams.builder();
        if (answer.descriptorCode() != null) {
            params.setDescriptorCode(answer.descriptorCode().strip().toUpperCase(Locale.ROOT));
        } else {
            params.addAllAmount(answer.amounts());
        }
        try {
            client.v1().paymentIntents().verifyMicrodeposits(pi.getId(), params.build());
        } catch (InvalidRequestException e) {
            throw new PaymentException(PaymentException.Kind.REJECTED, switch (e.getCode() == null ? "" : e.getCode()) {
                case "payment_method_microdeposit_verification_attempts_exceeded" -> "There were too many wrong "
                        + "answers, so this bank account cannot be verified and the payment was not made. Please pay "
                        + "again, by card or with another bank account.";
                case "payment_intent_unexpected_state" -> "This bank account does not need verifying (any more).";
                default -> StripeErrors.stripeMessage(e);
            }, e);
        } catch (StripeException e) {
            throw StripeErrors.map(e);
        }
        return fetch(accountId, processorReference);
    }

    private static String failureReason(com.stripe.model.StripeError error) {
        String message = error.getMessage();
        return message == null || message.isBlank() ? "Stripe could not take the payment." : message;
    }

    private static PaymentMethodDetails details(PaymentMethod method) {
        if (method == null) {
            return null;
        }
        com.stripe.model.Address address = method.getBillingDetails() == null ? null
                : method.getBillingDetails().getAddress();
        String country = address == null ? null : address.getCountry();
        String state = address == null || !"US".equals(country) ? null : address.getState();
        if (method.getCard() != null) {
            return new PaymentMethodDetails(PaymentMethodKind.CARD, funding(method.getCard().getFunding()),
                    method.getCard().getBrand(), method.getCard().getLast4(), method.getCard().getCountry(), state,
                    country);
        }
        if (method.getUsBankAccount() != null) {
            return new PaymentMethodDetails(PaymentMethodKind.US_BANK_ACCOUNT, CardFunding.UNKNOWN,
                    method.getUsBankAccount().getBankName(), method.getUsBankAccount().getLast4(), "US", state,
                    country);
        }
        return null;
    }

    // ---------------------------------------------------------------------------------------------------------
    // Refunds

    RefundResult refund(RefundRequest request) throws PaymentException {
        PaymentIntent pi = owned(request.accountId(), request.processorReference());
        RefundCreateParams.Builder params = RefundCreateParams.builder().setPaymentIntent(pi.getId())
                .setAmount(request.amount().minorUnits())
                .setReason(RefundCreateParams.Reason.REQUESTED_BY_CUSTOMER)
                // A destination charge's refund comes out of the platform's balance unless the transfer to the
                // operator is reversed; the platform's fee goes back in proportion.
                .setReverseTransfer(true).setRefundApplicationFee(true);
        if (request.reason() != null && !request.reason().isBlank()) {
            params.putMetadata("reason", truncate(request.reason(), 500));
        }
        try {
            return refund(client.v1().refunds().create(params.build(), key(request.idempotencyKey())));
        } catch (StripeException e) {
            throw StripeErrors.map(e);
        }
    }

    RefundResult fetchRefund(String accountId, String refundReference) throws PaymentException {
        Refund refund;
        try {
            refund = client.v1().refunds().retrieve(refundReference);
        } catch (StripeException e) {
            throw StripeErrors.map(e);
        }
        owned(accountId, refund.getPaymentIntent());
        return refund(refund);
    }

    private static RefundResult refund(Refund refund) {
        return switch (refund.getStatus()) {
            case "succeeded" -> new RefundResult(refund.getId(), RefundResult.Status.SUCCEEDED, null);
            case "failed", "canceled" -> new RefundResult(refund.getId(), RefundResult.Status.FAILED,
                    refund.getFailureReason() == null ? "Stripe could not refund the payment."
                            : "The refund failed: " + refund.getFailureReason().replace('_', ' ') + ".");
            default -> new RefundResult(refund.getId(), RefundResult.Status.PENDING, null);
        };
    }

    // ---------------------------------------------------------------------------------------------------------
    // Disputes

    List<Dispute> disputes(String accountId, String processorReference) throws PaymentException {
        owned(accountId, processorReference);
        List<Dispute> disputes = new ArrayList<>();
        try {
            for (com.stripe.model.Dispute d : client.v1().disputes().list(DisputeListParams.builder()
                    .setPaymentIntent(processorReference).build()).getData()) {
                Long due = d.getEvidenceDetails() == null ? null : d.getEvidenceDetails().getDueBy();
                disputes.add(new Dispute(d.getId(), Money.ofMinor(d.getAmount(),
                        Currency.getInstance(d.getCurrency().toUpperCase(Locale.ROOT))),
                        d.getReason() == null ? null : d.getReason().replace('_', ' '), disputeStatus(d.getStatus()),
                        due == null ? null : Instant.ofEpochSecond(due)));
            }
        } catch (StripeException e) {
            throw StripeErrors.map(e);
        }
        return disputes;
    }

    private static Dispute.Status disputeStatus(String status) {
        return switch (status == null ? "" : status) {
            case "needs_response", "warning_needs_response" -> Dispute.Status.NEEDS_RESPONSE;
            case "under_review", "warning_under_review" -> Dispute.Status.UNDER_REVIEW;
            case "won" -> Dispute.Status.WON;
            case "lost" -> Dispute.Status.LOST;
            default -> Dispute.Status.CLOSED;
        };
    }

    // ---------------------------------------------------------------------------------------------------------
    // Webhooks

    ProcessorEvent verifyWebhook(WebhookRequest request) throws PaymentException {
        String endpoint = request.endpoint() == null ? ACCOUNT_ENDPOINT : request.endpoint();
        String secret = switch (endpoint) {
            case ACCOUNT_ENDPOINT -> settings.webhookSecret();
            case CONNECT_ENDPOINT -> settings.connectWebhookSecret();
            default -> null;
        };
        if (secret == null) {
            throw new PaymentException(PaymentException.Kind.FORGED, "There is no Stripe webhook endpoint '"
                    + endpoint + "'.");
        }
        if (secret.isBlank()) {
            throw new PaymentException(PaymentException.Kind.FORGED, "No signing secret is set for the Stripe webhook "
                    + "endpoint '" + endpoint + "'.");
        }
        String body = new String(request.body(), StandardCharsets.UTF_8);
        String signature = request.header("Stripe-Signature");
        if (signature == null || signature.isBlank()) {
            throw new PaymentException(PaymentException.Kind.FORGED, "Stripe webhook refused: no Stripe-Signature.");
        }
        try {
            Webhook.Signature.verifyHeader(body, signature, secret, Webhook.DEFAULT_TOLERANCE, clock);
        } catch (SignatureVerificationException e) {
            throw new PaymentException(PaymentException.Kind.FORGED, "Stripe webhook refused: " + e.getMessage());
        }
        JsonObject event;
        try {
            event = JsonParser.parseString(body).getAsJsonObject();
        } catch (JsonParseException | IllegalStateException e) {
            throw new PaymentException(PaymentException.Kind.REJECTED, "A signed Stripe webhook that is not an "
                    + "event.");
        }
        String id = text(event, "id");
        String type = text(event, "type");
        if (id == null || !id.startsWith("evt_") || type == null) {
            throw new PaymentException(PaymentException.Kind.REJECTED, "A signed Stripe webhook without an event id.");
        }
        String account = text(event, "account");
        JsonElement livemode = event.get("livemode");
        if (livemode != null && livemode.isJsonPrimitive() && livemode.getAsBoolean() != settings.live()) {
            // A Connect endpoint receives live and test events alike: the other mode's are none of ours.
            LOG.info("Ignored Stripe event {} ({}): {} mode, the portal's keys are {}", id, type,
                    livemode.getAsBoolean() ? "live" : "test", settings.live() ? "live" : "test");
            return new ProcessorEvent(id, type, null, null);
        }
        JsonObject object = event.has("data") && event.getAsJsonObject("data").has("object")
                ? event.getAsJsonObject("data").getAsJsonObject("object") : new JsonObject();
        String objectId = text(object, "id");
        String payment = objectId != null && objectId.startsWith("pi_") ? objectId : text(object, "payment_intent");
        if (account == null && object.has("transfer_data") && object.get("transfer_data").isJsonObject()) {
            account = text(object.getAsJsonObject("transfer_data"), "destination");
        }
        return new ProcessorEvent(id, type, payment, account);
    }

    private static String text(JsonObject object, String field) {
        JsonElement value = object.get(field);
        return value == null || !value.isJsonPrimitive() ? null : value.getAsString();
    }

    // ---------------------------------------------------------------------------------------------------------

    private long applicationFee(long amount) {
        return BigDecimal.valueOf(amount).multiply(BigDecimal.valueOf(settings.applicationFeeBasisPoints()))
                .divide(BigDecimal.valueOf(10_000), 0, RoundingMode.HALF_UP).longValueExact();
    }

    private static RequestOptions key(String idempotencyKey) {
        return RequestOptions.builder().setIdempotencyKey(idempotencyKey).build();
    }

    private static String currency(Money amount) {
        return amount.currency().getCurrencyCode().toLowerCase(Locale.ROOT);
    }

    private static List<PaymentMethodKind> sorted(Set<PaymentMethodKind> methods) {
        return methods.stream().sorted().toList();
    }

    private static String type(PaymentMethodKind kind) {
        return kind == PaymentMethodKind.CARD ? "card" : "us_bank_account";
    }

    private static CardFunding funding(String funding) {
        if (funding == null) {
            return CardFunding.UNKNOWN;
        }
        return switch (funding) {
            case "credit" -> CardFunding.CREDIT;
            case "debit" -> CardFunding.DEBIT;
            case "prepaid" -> CardFunding.PREPAID;
            default -> CardFunding.UNKNOWN;
        };
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
