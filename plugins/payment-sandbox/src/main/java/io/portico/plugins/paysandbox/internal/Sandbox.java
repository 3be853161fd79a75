package io.portico.plugins.paysandbox.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import io.portico.api.payment.PaymentState.Status;
import io.portico.api.payment.ProcessorAccount;
import io.portico.api.payment.ProcessorEvent;
import io.portico.api.payment.RefundRequest;
import io.portico.api.payment.RefundResult;
import io.portico.api.payment.WebhookRequest;
import io.portico.api.web.ProblemException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sandbox processor's servers: accounts, payment methods entered in its element, payments and refunds in its
 * own tables, outcomes decided by {@link TestNumbers}, and signed webhooks for every change. Everything lives in
 * PostgreSQL, so any node answers for any payment and nothing is lost on a restart; each change and its webhook
 * event are written in one transaction.
 */
final class Sandbox implements PaymentProcessor {

    /** What the scheduler and the tests tune. */
    record Settings(URI webhookUri, Duration achSettle, int webhookAttempts, Duration webhookRetry,
            Duration refundSettle) {
    }

    static final String PLUGIN_NAME = "sandbox";
    static final String SCRIPT = "/pay-sandbox/element.js";
    static final String TOKENS = "/pay-sandbox/tokens";

    private static final Logger LOG = LoggerFactory.getLogger(Sandbox.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final DateTimeFormatter EXPIRY = DateTimeFormatter.ofPattern("MM/yy");
    private static final int BATCH = 20;

    private final SqlSessionFactory sessions;
    private final Settings settings;
    private final WebhookSigner signer;
    private final HttpClient http;
    private final Clock clock;

    Sandbox(SqlSessionFactory sessions, Settings settings, WebhookSigner signer, HttpClient http, Clock clock) {
        this.sessions = sessions;
        this.settings = settings;
        this.signer = signer;
        this.http = http;
        this.clock = clock;
    }

    /** The webhook secret: the configured one, else the one generated once for every node. */
    static String secret(SqlSessionFactory sessions, String configured) {
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        try (SqlSession session = sessions.openSession(true)) {
            SandboxMapper m = session.getMapper(SandboxMapper.class);
            m.insertSecret("whsec_" + random(24));
            return m.secret();
        }
    }

    @Override
    public String displayName() {
        return "Sandbox (test payments)";
    }

    // ------------------------------------------------------------------ accounts

    @Override
    public ProcessorAccount account(String accountId) throws PaymentException {
        if (accountId == null) {
            return new ProcessorAccount(null, ProcessorAccount.State.NOT_CONNECTED, Set.of(), null, null);
        }
        Rows.Account a = read(m -> m.account(accountId));
        if (a == null) {
            throw rejected("There is no sandbox account " + accountId + ".");
        }
        return a.ready()
                ? new ProcessorAccount(a.id(), ProcessorAccount.State.READY,
                        Set.of(PaymentMethodKind.CARD, PaymentMethodKind.US_BANK_ACCOUNT), a.businessState(), null)
                : new ProcessorAccount(a.id(), ProcessorAccount.State.ONBOARDING, Set.of(), null,
                        "Finish onboarding on the sandbox's onboarding page.");
    }

    /** Onboarding pages never expire here, so the browser is never sent to the request's refresh address. */
    @Override
    public Onboarding onboard(OnboardingRequest request) throws PaymentException {
        String returnUri = text(request.returnUri());
        try (SqlSession session = sessions.openSession(true)) {
            SandboxMapper m = session.getMapper(SandboxMapper.class);
            String id = request.accountId();
            if (id == null) {
                id = "acct_sandbox_" + random(16);
                m.insertAccount(new Rows.Account(id, request.businessName(), request.email(), "onboarding", null,
                        returnUri));
            } else if (m.updateReturnUri(id, returnUri) == 0) {
                throw rejected("There is no sandbox account " + id + ".");
            }
            return new Onboarding(id, onboardingPage(id));
        }
    }

    static URI onboardingPage(String accountId) {
        return URI.create("/pay-sandbox/onboarding/" + accountId);
    }

    /** The account's onboarding as its page shows it; 404 for an unknown account. */
    Rows.Account onboarding(String accountId) {
        Rows.Account a = read(m -> m.account(accountId));
        if (a == null) {
            throw ProblemException.notFound("There is no such sandbox account.");
        }
        return a;
    }

    /**
     * "Finish onboarding": the account can take payments; returns where the admin's browser goes next.
     *
     * @param businessState a US state or territory, or empty for outside the US
     */
    URI finishOnboarding(String accountId, String businessState) {
        if (businessState == null || !businessState.isEmpty() && !UsStates.valid(businessState)) {
            throw ProblemException.badRequest("Choose the business's state from the list, or outside the US.");
        }
        String state = businessState.isEmpty() ? null : businessState;
        try (SqlSession session = sessions.openSession(false)) {
            SandboxMapper m = session.getMapper(SandboxMapper.class);
            Rows.Account a = m.account(accountId);
            if (a == null) {
                throw ProblemException.notFound("There is no such sandbox account.");
            }
            m.finishOnboarding(accountId, state);
            event(m, "account.updated", accountId, null, Map.of("state", "ready"));
            session.commit(true);
            return a.returnUri() == null ? URI.create("/") : URI.create(a.returnUri());
        }
    }

    // ------------------------------------------------------------------ checkout

    @Override
    public CheckoutSession startCheckout(CheckoutRequest request) throws PaymentException {
        if (request.methods().isEmpty()) {
            throw rejected("Name at least one payment method.");
        }
        if (request.amount().amount().signum() <= 0) {
            throw rejected("A payment needs an amount above zero.");
        }
        String methods = request.methods().stream().map(Enum::name).sorted().collect(Collectors.joining(" "));
        String fingerprint = fingerprint(request.accountId(), request.paymentId(), request.amount().toString(),
                methods);
        String reference = idempotent("checkout", request.idempotencyKey(), fingerprint, (m, answer) -> {
            if (answer != null) {
                return answer.reference();
            }
            Rows.Account a = m.account(request.accountId());
            if (a == null || !a.ready()) {
                throw rejected("The sandbox account cannot take payments: finish its onboarding first.");
            }
            String id = "pi_sandbox_" + random(16);
            m.insertPayment(new Rows.Payment(id, a.id(), request.paymentId(),
                    request.amount().currency().getCurrencyCode(), request.amount().minorUnits(), null, null, 0,
                    methods, request.description(), json(new TreeMap<>(request.metadata())), Status.REQUIRES_PAYMENT_METHOD.name(),
                    null, null, null, null));
            m.saveAnswer(new Rows.Answer("checkout", request.idempotencyKey(), fingerprint, id, null, null, null,
                    null, null));
            return id;
        });
        Rows.Payment p = read(m -> m.payment(reference));
        Map<String, String> element = new LinkedHashMap<>();
        element.put("processor", PLUGIN_NAME);
        element.put("account", p.accountId());
        element.put("payment", p.id());
        element.put("methods", Arrays.stream(p.methods().split(" ")).map(s -> s.toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(" ")));
        element.put("tokens-url", TOKENS);
        element.put("test-cards", testCards());
        element.put("states", json(UsStates.ALL));
        return new CheckoutSession(p.id(), List.of(URI.create(SCRIPT)), element, List.of(), List.of(), List.of());
    }

    /** The test numbers as JSON, for the element to list: number, kind, what it does. */
    static String testCards() {
        List<Map<String, String>> cards = new ArrayList<>();
        for (TestNumbers n : TestNumbers.values()) {
            cards.add(Map.of("number", n.number, "kind", n.kind.name().toLowerCase(Locale.ROOT),
                    "label", n.label));
        }
        return json(cards);
    }

    /**
     * The element's submission: a test card or bank account becomes a payment-method token ({@code pm_sandbox_…}).
     * Anything else is refused with a message that names the field.
     */
    String tokenize(TokenRequest request) {
        if (request == null) {
            throw ProblemException.badRequest("Send the payment method as JSON.");
        }
        Rows.Account account = request.account() == null ? null : read(m -> m.account(request.account()));
        if (account == null || !account.ready()) {
            throw ProblemException.notFound("There is no sandbox account that takes payments by that id.");
        }
        String billingState = request.billingState() == null || request.billingState().isEmpty() ? null
                : request.billingState();
        if (billingState != null && !UsStates.valid(billingState)) {
            throw ProblemException.badRequest("Choose the billing state from the list, or outside the US.");
        }
        PaymentMethodKind kind;
        String number;
        if ("card".equals(request.kind())) {
            kind = PaymentMethodKind.CARD;
            number = digits(request.cardNumber());
            checkExpiry(request.expiry());
            if (request.cvc() == null || !request.cvc().matches("[0-9]{3,4}")) {
                throw ProblemException.badRequest("The CVC is the 3 or 4 digits on the card.");
            }
        } else if ("us_bank_account".equals(request.kind())) {
            kind = PaymentMethodKind.US_BANK_ACCOUNT;
            if (!TestNumbers.ROUTING_NUMBER.equals(digits(request.routingNumber()))) {
                throw ProblemException.badRequest("This is the sandbox: the routing number is "
                        + TestNumbers.ROUTING_NUMBER + ".");
            }
            number = digits(request.accountNumber());
        } else {
            throw ProblemException.badRequest("The kind of payment method is card or us_bank_account.");
        }
        TestNumbers test = TestNumbers.find(kind, number).orElseThrow(() -> ProblemException.badRequest(
                "This is the sandbox: use one of its test " + (kind == PaymentMethodKind.CARD ? "card" : "bank account")
                        + " numbers. Real payment details are never accepted here."));
        String id = "pm_sandbox_" + random(16);
        try (SqlSession session = sessions.openSession(true)) {
            session.getMapper(SandboxMapper.class).insertMethod(new Rows.Method(id, account.id(), kind.name(),
                    test.number, test.funding.name(), kind == PaymentMethodKind.CARD ? TestNumbers.CARD_BRAND
                            : TestNumbers.BANK_NAME, test.last4(), billingState), clock.instant());
        }
        return id;
    }

    private void checkExpiry(String expiry) {
        YearMonth month;
        try {
            month = YearMonth.parse(expiry == null ? "" : expiry.strip(), EXPIRY);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("The expiry date is the card's month and year, as MM/YY.");
        }
        if (month.isBefore(YearMonth.now(clock.withZone(ZoneOffset.UTC)))) {
            throw ProblemException.badRequest("The card has expired: any future expiry date works here.");
        }
    }

    @Override
    public PaymentMethodDetails inspect(String accountId, String methodToken) throws PaymentException {
        Rows.Method method = read(m -> m.method(methodToken, clock.instant()));
        if (method == null || !method.accountId().equals(accountId)) {
            throw rejected("The payment method is unknown or has expired: enter it again.");
        }
        return details(method);
    }

    private static PaymentMethodDetails details(Rows.Method m) {
        return new PaymentMethodDetails(PaymentMethodKind.valueOf(m.kind()), CardFunding.valueOf(m.funding()),
                m.brand(), m.last4(), "US", m.billingState(), m.billingState() == null ? null : "US");
    }

    @Override
    public PaymentState confirm(ConfirmRequest request) throws PaymentException {
        String fingerprint = fingerprint(request.accountId(), request.processorReference(), request.methodToken(),
                String.valueOf(request.amount()));
        Rows.Answer first = idempotent("confirm", request.idempotencyKey(), fingerprint, (m, answer) -> {
            if (answer != null) {
                return answer;
            }
            Rows.Payment p = m.lockPayment(request.processorReference());
            if (p == null || !p.accountId().equals(request.accountId())) {
                throw rejected("There is no such payment at the sandbox.");
            }
            if (!Status.REQUIRES_PAYMENT_METHOD.name().equals(p.status())) {
                throw rejected("The payment was confirmed already.");
            }
            Rows.Method method = m.method(request.methodToken(), clock.instant());
            if (method == null || !method.accountId().equals(p.accountId())) {
                throw rejected("The payment method is unknown or has expired: enter it again.");
            }
            if (!Set.of(p.methods().split(" ")).contains(method.kind())) {
                throw rejected("This payment cannot be paid with that kind of payment method.");
            }
            if (request.amount() == null || !request.amount().currency().getCurrencyCode().equals(p.currency())
                    || request.amount().amount().signum() <= 0) {
                throw rejected("The amount must be above zero, in " + p.currency() + ".");
            }
            TestNumbers test = TestNumbers.find(PaymentMethodKind.valueOf(method.kind()), method.testNumber())
                    .orElseThrow(() -> rejected("The payment method is unknown or has expired: enter it again."));
            long amount = request.amount().minorUnits();
            Map<String, String> metadata = merged(p.metadata(), request.metadata());
            Rows.Payment confirmed = switch (test.outcome) {
                case SUCCEED -> with(p, Status.SUCCEEDED, amount, amount, null, null);
                case FAIL -> with(p, Status.FAILED, amount, null, test.failureReason, null);
                case CHALLENGE -> with(p, Status.REQUIRES_ACTION, amount, null, null, null);
                case SETTLE, RETURN -> with(p, Status.PROCESSING, amount, null, null,
                        clock.instant().plus(settings.achSettle()));
            };
            confirmed = new Rows.Payment(confirmed.id(), confirmed.accountId(), confirmed.ledgerPaymentId(),
                    confirmed.currency(), confirmed.amountMinor(), confirmed.confirmedMinor(),
                    confirmed.receivedMinor(), confirmed.refundedMinor(), confirmed.methods(), confirmed.description(),
                    json(metadata), confirmed.status(), method.id(), text(request.returnUri()),
                    confirmed.failureReason(), confirmed.settleAt());
            m.updatePayment(confirmed, clock.instant());
            paymentEvent(m, confirmed);
            Rows.Answer saved = new Rows.Answer("confirm", request.idempotencyKey(), fingerprint, p.id(),
                    confirmed.status(), text(actionUri(confirmed)), confirmed.failureReason(),
                    confirmed.receivedMinor(), confirmed.refundedMinor());
            m.saveAnswer(saved);
            return saved;
        });
        Rows.Payment p = read(m -> m.payment(first.reference()));
        Rows.Method method = read(m -> m.method(p.methodId(), null));
        Currency currency = Currency.getInstance(p.currency());
        return new PaymentState(first.reference(), Status.valueOf(first.status()),
                first.actionUri() == null ? null : URI.create(first.actionUri()), first.failureReason(),
                money(first.receivedMinor(), currency), money(first.refundedMinor(), currency), false,
                method == null ? null : details(method));
    }

    private static Rows.Payment with(Rows.Payment p, Status status, Long confirmed, Long received, String failure,
            Instant settleAt) {
        return new Rows.Payment(p.id(), p.accountId(), p.ledgerPaymentId(), p.currency(), p.amountMinor(), confirmed,
                received, p.refundedMinor(), p.methods(), p.description(), p.metadata(), status.name(), p.methodId(),
                p.returnUri(), failure, settleAt);
    }

    static URI actionUri(Rows.Payment p) {
        return Status.REQUIRES_ACTION.name().equals(p.status()) ? challengePage(p.id()) : null;
    }

    static URI challengePage(String paymentId) {
        return URI.create("/pay-sandbox/challenge/" + paymentId);
    }

    /** The payment a challenge page is about; 404 for an unknown one. */
    Rows.Payment challenge(String paymentId) {
        Rows.Payment p = read(m -> m.payment(paymentId));
        if (p == null) {
            throw ProblemException.notFound("There is no such payment at the sandbox.");
        }
        return p;
    }

    /**
     * The payer passed or failed the 3-D Secure challenge; returns where the browser goes next (the confirmation's
     * return address). A second answer changes nothing.
     */
    URI completeChallenge(String paymentId, boolean authenticated) {
        try (SqlSession session = sessions.openSession(false)) {
            SandboxMapper m = session.getMapper(SandboxMapper.class);
            Rows.Payment p = m.lockPayment(paymentId);
            if (p == null) {
                throw ProblemException.notFound("There is no such payment at the sandbox.");
            }
            if (Status.REQUIRES_ACTION.name().equals(p.status())) {
                Rows.Payment done = authenticated
                        ? with(p, Status.SUCCEEDED, p.confirmedMinor(), p.confirmedMinor(), null, null)
                        : with(p, Status.FAILED, p.confirmedMinor(), null, TestNumbers.AUTHENTICATION_FAILED, null);
                m.updatePayment(done, clock.instant());
                paymentEvent(m, done);
            }
            session.commit(true);
            return p.returnUri() == null ? URI.create("/") : URI.create(p.returnUri());
        }
    }

    /** Cancels a payment still waiting for its payment method; any other leaves it as it is (as Stripe refuses). */
    @Override
    public PaymentState cancel(String accountId, String processorReference) throws PaymentException {
        try (SqlSession session = sessions.openSession(false)) {
            SandboxMapper m = session.getMapper(SandboxMapper.class);
            Rows.Payment p = m.lockPayment(processorReference);
            if (p == null || !p.accountId().equals(accountId)) {
                throw rejected("There is no such payment at the sandbox.");
            }
            if (Status.REQUIRES_PAYMENT_METHOD.name().equals(p.status())) {
                Rows.Payment canceled = with(p, Status.CANCELED, p.confirmedMinor(), null, null, null);
                m.updatePayment(canceled, clock.instant());
                paymentEvent(m, canceled);
            }
            session.commit(true);
        }
        return fetch(accountId, processorReference);
    }

    @Override
    public PaymentState fetch(String accountId, String processorReference) throws PaymentException {
        Rows.Payment p = read(m -> m.payment(processorReference));
        if (p == null || !p.accountId().equals(accountId)) {
            throw rejected("There is no such payment at the sandbox.");
        }
        Rows.Method method = p.methodId() == null ? null : read(m -> m.method(p.methodId(), null));
        Currency currency = Currency.getInstance(p.currency());
        return new PaymentState(p.id(), Status.valueOf(p.status()), actionUri(p), p.failureReason(),
                money(p.receivedMinor(), currency), money(p.refundedMinor(), currency), false,
                method == null ? null : details(method));
    }

    // ------------------------------------------------------------------ refunds

    @Override
    public RefundResult refund(RefundRequest request) throws PaymentException {
        String fingerprint = fingerprint(request.accountId(), request.processorReference(),
                String.valueOf(request.amount()));
        Rows.Answer first = idempotent("refund", request.idempotencyKey(), fingerprint, (m, answer) -> {
            if (answer != null) {
                return answer;
            }
            Rows.Payment p = m.lockPayment(request.processorReference());
            if (p == null || !p.accountId().equals(request.accountId())) {
                throw rejected("There is no such payment at the sandbox.");
            }
            if (!Status.SUCCEEDED.name().equals(p.status())) {
                throw rejected("Only a succeeded payment can be refunded.");
            }
            if (request.amount() == null || !request.amount().currency().getCurrencyCode().equals(p.currency())
                    || request.amount().amount().signum() <= 0) {
                throw rejected("A refund needs an amount above zero, in " + p.currency() + ".");
            }
            long refundable = p.receivedMinor() - p.refundedMinor() - m.pendingRefundsMinor(p.id());
            long amount = request.amount().minorUnits();
            if (amount > refundable) {
                throw rejected("The refund of " + request.amount() + " is more than the "
                        + Money.ofMinor(refundable, Currency.getInstance(p.currency())) + " left to refund.");
            }
            // Pending, as a card refund is at a real processor; the scheduler settles it and says so by webhook.
            String id = "re_sandbox_" + random(16);
            m.insertRefund(id, p.id(), amount, request.reason());
            m.insertRefundState(id, clock.instant().plus(settings.refundSettle()));
            event(m, "refund.created", p.accountId(), p.id(), Map.of("status", "pending", "refund", id,
                    "amount", amount));
            Rows.Answer saved = new Rows.Answer("refund", request.idempotencyKey(), fingerprint, id,
                    RefundResult.Status.PENDING.name(), null, null, null, p.refundedMinor());
            m.saveAnswer(saved);
            return saved;
        });
        return new RefundResult(first.reference(), RefundResult.Status.valueOf(first.status()),
                first.failureReason());
    }

    @Override
    public RefundResult fetchRefund(String accountId, String refundReference) throws PaymentException {
        Rows.Refund refund = read(m -> m.refund(refundReference));
        Rows.Payment p = refund == null ? null : read(m -> m.payment(refund.paymentId()));
        if (p == null || !p.accountId().equals(accountId)) {
            throw rejected("There is no such refund at the sandbox.");
        }
        return new RefundResult(refund.id(), RefundResult.Status.valueOf(refund.status()), null);
    }

    /**
     * Settles the refunds whose delay has passed: each succeeds, counts in its payment's refunded amount and is
     * reported by a {@code charge.refunded} webhook. Nodes share the work as for bank debits.
     *
     * @return how many were settled
     */
    int settleDueRefunds() {
        try (SqlSession session = sessions.openSession(false)) {
            SandboxMapper m = session.getMapper(SandboxMapper.class);
            Instant now = clock.instant();
            List<String> due = m.dueRefunds(now, BATCH);
            for (String id : due) {
                Rows.Refund refund = m.refund(id);
                Rows.Payment p = m.lockPayment(refund.paymentId());
                m.refundSettled(id, RefundResult.Status.SUCCEEDED.name(), now);
                Rows.Payment refunded = new Rows.Payment(p.id(), p.accountId(), p.ledgerPaymentId(), p.currency(),
                        p.amountMinor(), p.confirmedMinor(), p.receivedMinor(), p.refundedMinor()
                                + refund.amountMinor(), p.methods(), p.description(), p.metadata(), p.status(),
                        p.methodId(), p.returnUri(), p.failureReason(), p.settleAt());
                m.updatePayment(refunded, now);
                event(m, "charge.refunded", p.accountId(), p.id(), Map.of("status", p.status(), "refund", id,
                        "amount_refunded", refunded.refundedMinor()));
            }
            session.commit(true);
            return due.size();
        }
    }

    // ------------------------------------------------------------------ webhooks

    @Override
    public ProcessorEvent verifyWebhook(WebhookRequest request) throws PaymentException {
        byte[] body = request.body();
        signer.verify(request.header(WebhookSigner.HEADER), body);
        try {
            JsonNode event = JSON.readTree(body);
            JsonNode object = event.path("data").path("object");
            String id = event.path("id").asText("");
            if (!id.startsWith("evt_") || event.path("type").asText("").isEmpty()) {
                throw new PaymentException(PaymentException.Kind.REJECTED, "A signed webhook without an event id.");
            }
            return new ProcessorEvent(id, event.path("type").asText(),
                    object.path("id").asText("").startsWith("pi_") ? object.path("id").asText() : null,
                    event.path("account").asText(null));
        } catch (IOException e) {
            throw new PaymentException(PaymentException.Kind.REJECTED, "A signed webhook whose body is not JSON.", e);
        }
    }

    private void paymentEvent(SandboxMapper m, Rows.Payment p) {
        String type = switch (Status.valueOf(p.status())) {
            case REQUIRES_ACTION -> "payment_intent.requires_action";
            case PROCESSING -> "payment_intent.processing";
            case SUCCEEDED -> "payment_intent.succeeded";
            case FAILED -> "payment_intent.payment_failed";
            case CANCELED -> "payment_intent.canceled";
            case REQUIRES_PAYMENT_METHOD -> "payment_intent.created";
        };
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("status", p.status().toLowerCase(Locale.ROOT));
        object.put("amount", p.confirmedMinor());
        object.put("currency", p.currency());
        object.put("portico_payment", p.ledgerPaymentId());
        if (p.failureReason() != null) {
            object.put("failure_reason", p.failureReason());
        }
        event(m, type, p.accountId(), p.id(), object);
    }

    /** Writes an event in the caller's transaction: it is sent once the change it reports is committed. */
    private void event(SandboxMapper m, String type, String accountId, String paymentId, Map<String, ?> fields) {
        String id = "evt_sandbox_" + random(16);
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("id", paymentId == null ? accountId : paymentId);
        object.putAll(fields);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("type", type);
        body.put("created", clock.instant().getEpochSecond());
        body.put("account", accountId);
        body.put("data", Map.of("object", object));
        m.insertEvent(new Rows.Event(id, type, accountId, paymentId, json(body), 0), clock.instant());
    }

    /**
     * Sends the events that are due to the platform, signed; a failed delivery is tried again later with a
     * doubling delay, up to the configured number of attempts. Nodes share the work: each locks its batch.
     *
     * @return how many were delivered
     */
    int deliverDue() {
        int delivered = 0;
        try (SqlSession session = sessions.openSession(false)) {
            SandboxMapper m = session.getMapper(SandboxMapper.class);
            for (Rows.Event e : m.dueEvents(clock.instant(), BATCH)) {
                String error = post(e);
                Instant now = clock.instant();
                if (error == null) {
                    m.eventDelivered(e.id(), now);
                    delivered++;
                } else {
                    int attempts = e.attempts() + 1;
                    boolean abandoned = attempts >= settings.webhookAttempts();
                    Duration backoff = settings.webhookRetry().multipliedBy(1L << Math.min(attempts - 1, 16));
                    m.eventFailed(e.id(), now.plus(backoff), abandoned, now, error);
                    LOG.warn("Sandbox webhook {} ({}) not delivered (attempt {}{}): {}", e.id(), e.type(), attempts,
                            abandoned ? ", the last" : "", error);
                }
            }
            session.commit(true);
        }
        return delivered;
    }

    /** @return {@code null} when the platform took it, else why not */
    private String post(Rows.Event e) {
        byte[] body = e.body().getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(settings.webhookUri()).timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/json").header(WebhookSigner.HEADER, signer.sign(body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        try {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            return response.statusCode() / 100 == 2 ? null : "HTTP " + response.statusCode();
        } catch (IOException ex) {
            return ex.getClass().getSimpleName() + ": " + ex.getMessage();
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    // ------------------------------------------------------------------ bank debits

    /**
     * Settles the bank debits whose delay has passed: the test account decides success or return. Nodes share the
     * work: each locks the payments it settles and skips those locked by another.
     *
     * @return how many were settled
     */
    int settleDue() {
        try (SqlSession session = sessions.openSession(false)) {
            SandboxMapper m = session.getMapper(SandboxMapper.class);
            List<String> due = m.duePayments(clock.instant(), BATCH);
            for (String id : due) {
                Rows.Payment p = m.payment(id);
                Rows.Method method = m.method(p.methodId(), null);
                boolean returned = TestNumbers.BANK_RETURNED.number.equals(method.testNumber());
                Rows.Payment settled = returned
                        ? with(p, Status.FAILED, p.confirmedMinor(), null, TestNumbers.BANK_RETURNED.failureReason,
                                null)
                        : with(p, Status.SUCCEEDED, p.confirmedMinor(), p.confirmedMinor(), null, null);
                m.updatePayment(settled, clock.instant());
                paymentEvent(m, settled);
            }
            session.commit(true);
            return due.size();
        }
    }

    // ------------------------------------------------------------------ helpers

    /** One operation under an idempotency key, in one transaction: the first call acts, a repeat gets its answer. */
    private <T> T idempotent(String operation, String key, String fingerprint, Operation<T> work)
            throws PaymentException {
        if (key == null || key.isEmpty() || key.length() > 255) {
            throw rejected("An idempotency key of 1 to 255 characters is required.");
        }
        try (SqlSession session = sessions.openSession(false)) {
            SandboxMapper m = session.getMapper(SandboxMapper.class);
            Rows.Answer earlier = null;
            if (m.claimKey(operation, key, fingerprint) == 0) {
                earlier = m.answer(operation, key);
                if (!earlier.fingerprint().equals(fingerprint)) {
                    throw rejected("The idempotency key " + key + " was used for another request.");
                }
            }
            T result = work.apply(m, earlier);
            session.commit(true);
            return result;
        }
    }

    @FunctionalInterface
    private interface Operation<T> {
        /** @param earlier the first call's answer, or {@code null} when this is the first call */
        T apply(SandboxMapper mapper, Rows.Answer earlier) throws PaymentException;
    }

    private <T> T read(Function<SandboxMapper, T> query) {
        try (SqlSession session = sessions.openSession(true)) {
            return query.apply(session.getMapper(SandboxMapper.class));
        }
    }

    private static PaymentException rejected(String message) {
        return new PaymentException(PaymentException.Kind.REJECTED, message);
    }

    private static Money money(Long minor, Currency currency) {
        return minor == null ? null : Money.ofMinor(minor, currency);
    }

    private static Map<String, String> merged(String storedJson, Map<String, String> added) {
        Map<String, String> merged = new TreeMap<>();
        try {
            JSON.readTree(storedJson).fields().forEachRemaining(f -> merged.put(f.getKey(), f.getValue().asText()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored metadata is JSON", e);
        }
        merged.putAll(added);
        return merged;
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("maps and lists of strings are JSON", e);
        }
    }

    private static String fingerprint(String... parts) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String part : parts) {
                sha.update(String.valueOf(part).getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static String digits(String text) {
        return text == null ? "" : text.replaceAll("[\\s-]", "");
    }

    private static String text(URI uri) {
        return uri == null ? null : uri.toString();
    }

    static String random(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
