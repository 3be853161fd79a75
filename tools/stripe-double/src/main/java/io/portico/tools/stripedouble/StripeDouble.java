package io.portico.tools.stripedouble;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.stripe.Stripe;
import com.stripe.net.Webhook;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An in-memory stand-in for the Stripe API endpoints Portico's Stripe plugin calls, for tests: it speaks Stripe's
 * form-encoded requests and JSON answers, refuses any parameter Stripe does not define for the endpoint
 * ({@code parameter_unknown}), honours {@code Idempotency-Key}s, answers a {@code Request-Id} on every response,
 * and keeps accounts, payment intents, confirmation tokens, refunds and disputes in memory. Test hooks move a payment
 * on as Stripe would (3-D Secure, a bank debit settling or returned, a dispute) and send signed webhook events.
 *
 * <p>Test payment methods for {@code POST /v1/test_helpers/confirmation_tokens} ({@code payment_method}):
 * {@code pm_card_visa} (credit, succeeds), {@code pm_card_visa_debit}, {@code pm_card_mastercard_prepaid},
 * {@code pm_card_chargeDeclined}, {@code pm_card_chargeDeclinedInsufficientFunds},
 * {@code pm_card_authenticationRequired} (3-D Secure); a bank account with {@code payment_method_data[type]=
 * us_bank_account} and either {@code [us_bank_account][financial_connections_account]} (instantly verified:
 * processing at once) or {@code [routing_number]}/{@code [account_number]} (micro-deposits: descriptor code
 * {@link #DESCRIPTOR_CODE}, or the amounts {@link #MICRODEPOSIT_AMOUNTS} for the account number
 * {@link #AMOUNTS_ACCOUNT_NUMBER}; {@link #MICRODEPOSIT_ATTEMPTS} wrong answers fail the payment, as at Stripe).
 */
public final class StripeDouble implements AutoCloseable {

    /** The code of the micro-deposit that verifies a bank account entered by hand. */
    public static final String DESCRIPTOR_CODE = "SM11AA";
    /** The two micro-deposits, in cents, that verify a bank account whose micro-deposits are amounts. */
    public static final List<Long> MICRODEPOSIT_AMOUNTS = List.of(32L, 45L);
    /** The account number whose micro-deposits are two amounts rather than a descriptor code. */
    public static final String AMOUNTS_ACCOUNT_NUMBER = "000222222227";
    /** Wrong answers to a micro-deposit before Stripe gives up on the bank account. */
    public static final int MICRODEPOSIT_ATTEMPTS = 3;

    private static final Gson GSON = new GsonBuilder().serializeNulls().disableHtmlEscaping().create();
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_]+");
    private static final SecureRandom RANDOM = new SecureRandom();
    /** The one endpoint a browser may call with a publishable key: what Stripe.js's createConfirmationToken does. */
    private static final String CREATED_IN_BROWSERS = "POST /v1/test_helpers/confirmation_tokens";

    private final String secretKey;
    private final AllowList allowList = AllowList.load();
    private final HttpServer server;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ExecutorService deliveries = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "stripe-double-webhooks");
        t.setDaemon(true);
        return t;
    });

    private final Map<String, JsonObject> accounts = new LinkedHashMap<>();
    private final Map<String, String> accountLinks = new LinkedHashMap<>();
    /** Express dashboard login links: link → account, removed when opened (single use). */
    private final Map<String, String> loginLinks = new LinkedHashMap<>();
    private final Map<String, JsonObject> intents = new LinkedHashMap<>();
    private final Map<String, JsonObject> tokens = new LinkedHashMap<>();
    private final Map<String, JsonObject> methods = new LinkedHashMap<>();
    private final Map<String, JsonObject> charges = new LinkedHashMap<>();
    private final Map<String, JsonObject> refunds = new LinkedHashMap<>();
    private final Map<String, JsonObject> disputes = new LinkedHashMap<>();
    private final Map<String, Integer> microdepositFailures = new LinkedHashMap<>();
    private final Map<String, JsonObject> events = new LinkedHashMap<>();
    private final Map<String, Stored> idempotent = new LinkedHashMap<>();
    private final List<Endpoint> endpoints = new ArrayList<>();
    private final List<String> requestLog = Collections.synchronizedList(new ArrayList<>());
    private final List<Delivery> delivered = Collections.synchronizedList(new ArrayList<>());
    private String pagesOrigin;

    private record Stored(String fingerprint, int status, String body) {
    }

    private record Endpoint(URI url, String secret, boolean connect) {
    }

    /** A webhook delivery's outcome. */
    public record Delivery(String eventId, URI url, int status) {
    }

    /** Starts on a free port of 127.0.0.1, accepting requests authenticated with {@code secretKey}. */
    public static StripeDouble start(String secretKey) {
        try {
            return new StripeDouble(secretKey, 0);
        } catch (IOException e) {
            throw new IllegalStateException("Could not start the Stripe double", e);
        }
    }

    private StripeDouble(String secretKey, int port) throws IOException {
        this.secretKey = secretKey;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "stripe-double");
            t.setDaemon(true);
            return t;
        }));
        server.start();
    }

    /** The API base to give stripe-java ({@code StripeClient.builder().setApiBase(…)}). */
    public String apiBase() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /**
     * Names the pages a browser opens at Stripe (onboarding, 3-D Secure, micro-deposits) under another origin from
     * now on, e.g. {@code https://hooks.stripe.com} for a browser test that routes Stripe's origins to the double.
     */
    public synchronized void pagesOrigin(String origin) {
        pagesOrigin = origin;
    }

    private synchronized String pagesBase() {
        return pagesOrigin != null ? pagesOrigin : apiBase();
    }

    @Override
    public void close() {
        server.stop(0);
        deliveries.shutdownNow();
    }

    /** Every API request received, as {@code METHOD /path}, oldest first. */
    public List<String> requests() {
        synchronized (requestLog) {
            return List.copyOf(requestLog);
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Test hooks

    /**
     * Sends every later event to {@code url}, signed with {@code secret}: account events ({@code account.updated})
     * to Connect endpoints, everything else to account endpoints, as Stripe routes destination charges' events.
     */
    public synchronized void addWebhookEndpoint(URI url, String secret, boolean connect) {
        endpoints.add(new Endpoint(url, secret, connect));
    }

    /** The connected account finishes onboarding (details submitted, charges and payouts enabled). */
    public synchronized void completeOnboarding(String accountId, String businessState) {
        JsonObject account = accounts.get(accountId);
        account.addProperty("details_submitted", true);
        account.addProperty("charges_enabled", true);
        account.addProperty("payouts_enabled", true);
        JsonObject capabilities = account.getAsJsonObject("capabilities");
        for (String name : List.copyOf(capabilities.keySet())) {
            capabilities.addProperty(name, "active");
        }
        account.add("requirements", requirements(List.of(), null));
        JsonObject address = new JsonObject();
        address.addProperty("state", businessState);
        address.addProperty("country", "US");
        JsonObject company = new JsonObject();
        company.add("address", address);
        account.add("company", company);
        event("account.updated", account, accountId);
    }

    /** Stripe restricts the account until it gets what {@code currentlyDue} names. */
    public synchronized void restrict(String accountId, List<String> currentlyDue, String disabledReason) {
        JsonObject account = accounts.get(accountId);
        account.addProperty("charges_enabled", false);
        account.addProperty("payouts_enabled", false);
        account.add("requirements", requirements(currentlyDue, disabledReason));
        event("account.updated", account, accountId);
    }

    /** The payer passes or fails the 3-D Secure challenge of a payment that requires action. */
    public synchronized void authenticate(String paymentIntentId, boolean passed) {
        JsonObject pi = intents.get(paymentIntentId);
        requireStatus(pi, "requires_action");
        pi.add("next_action", JsonNull.INSTANCE);
        if (passed) {
            succeed(pi);
        } else {
            fail(pi, "card_error", "payment_intent_authentication_failure", null,
                    "We are unable to authenticate your payment method. Please choose a different payment method "
                            + "and try again.");
        }
    }

    /** The bank settles a processing debit ({@code true}) or returns it ({@code false}: the account was closed). */
    public synchronized void settleBankDebit(String paymentIntentId, boolean settled) {
        JsonObject pi = intents.get(paymentIntentId);
        requireStatus(pi, "processing");
        if (settled) {
            succeed(pi);
        } else {
            fail(pi, "invalid_request_error", "account_closed", null, "The customer's bank account has been closed.");
        }
    }

    /** A pending refund (bank refunds are, for days) succeeds or fails. */
    public synchronized void settleRefund(String refundId, boolean succeeded) {
        JsonObject refund = refunds.get(refundId);
        refund.addProperty("status", succeeded ? "succeeded" : "failed");
        if (!succeeded) {
            refund.addProperty("failure_reason", "declined");
            JsonObject charge = charges.get(refund.get("charge").getAsString());
            charge.addProperty("amount_refunded",
                    charge.get("amount_refunded").getAsLong() - refund.get("amount").getAsLong());
            charge.addProperty("refunded", false);
        }
        event("refund.updated", refund, null);
    }

    /** The payer's bank disputes a succeeded payment; answers the dispute's id. */
    public synchronized String openDispute(String paymentIntentId, String reason) {
        JsonObject pi = intents.get(paymentIntentId);
        requireStatus(pi, "succeeded");
        JsonObject charge = charges.get(pi.get("latest_charge").getAsString());
        charge.addProperty("disputed", true);
        JsonObject dispute = object("dp", "dispute");
        dispute.addProperty("amount", charge.get("amount").getAsLong());
        dispute.addProperty("currency", charge.get("currency").getAsString());
        dispute.addProperty("charge", charge.get("id").getAsString());
        dispute.addProperty("payment_intent", paymentIntentId);
        dispute.addProperty("reason", reason);
        dispute.addProperty("status", "needs_response");
        dispute.addProperty("is_charge_refundable", false);
        JsonObject evidence = new JsonObject();
        evidence.addProperty("due_by", now() + 7 * 86_400);
        evidence.addProperty("has_evidence", false);
        evidence.addProperty("past_due", false);
        evidence.addProperty("submission_count", 0);
        dispute.add("evidence_details", evidence);
        dispute.add("metadata", new JsonObject());
        disputes.put(dispute.get("id").getAsString(), dispute);
        event("charge.dispute.created", dispute, null);
        return dispute.get("id").getAsString();
    }

    /** A confirmation token as Stripe.js would create it in the payer's browser (see the class comment). */
    public synchronized String createConfirmationToken(String paymentMethod, String billingState) {
        try {
            return confirmationToken(FormParams.parse("payment_method=" + paymentMethod
                    + (billingState == null ? "" : "&payment_method_data[billing_details][address][state]="
                            + billingState))).get("id").getAsString();
        } catch (StripeError e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** A bank-account confirmation token: instantly verified, or entered by hand (micro-deposits: a code). */
    public synchronized String createBankConfirmationToken(boolean instant, String billingState) {
        return createBankConfirmationToken(instant ? null : "000123456789", billingState);
    }

    /**
     * A bank-account confirmation token: instantly verified when {@code accountNumber} is {@code null}, otherwise
     * entered by hand (micro-deposits: two amounts for {@link #AMOUNTS_ACCOUNT_NUMBER}, else a descriptor code).
     */
    public synchronized String createBankConfirmationToken(String accountNumber, String billingState) {
        String form = "payment_method_data[type]=us_bank_account"
                + (accountNumber == null
                        ? "&payment_method_data[us_bank_account][financial_connections_account]=fca_test"
                        : "&payment_method_data[us_bank_account][routing_number]=110000000"
                                + "&payment_method_data[us_bank_account][account_number]=" + accountNumber)
                + (billingState == null ? "" : "&payment_method_data[billing_details][address][state]=" + billingState);
        try {
            return confirmationToken(FormParams.parse(form)).get("id").getAsString();
        } catch (StripeError e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** The events sent so far, oldest first, as JSON. */
    public synchronized List<String> events() {
        return events.values().stream().map(GSON::toJson).toList();
    }

    /** The id of the latest event of a type, or {@code null}. */
    public synchronized String lastEventId(String type) {
        String id = null;
        for (JsonObject event : events.values()) {
            if (event.get("type").getAsString().equals(type)) {
                id = event.get("id").getAsString();
            }
        }
        return id;
    }

    /** An event's body as Stripe posts it. */
    public synchronized String eventBody(String eventId) {
        return GSON.toJson(events.get(eventId));
    }

    /** A {@code Stripe-Signature} header for a body, made with stripe-java's own signing helper. */
    public static String sign(String body, String secret, long unixSeconds) {
        try {
            return Webhook.Signature.generateSignatureHeader(body, secret, unixSeconds);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Posts an event (again) to a URL, signed now with {@code secret}; answers the status the URL gave. */
    public Delivery deliver(String eventId, URI url, String secret) {
        String body = eventBody(eventId);
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(url)
                    .timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json; charset=utf-8")
                    .header("Stripe-Signature", sign(body, secret, now()))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            return new Delivery(eventId, url, response.statusCode());
        } catch (IOException e) {
            return new Delivery(eventId, url, -1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Delivery(eventId, url, -1);
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // HTTP

    private void handle(HttpExchange exchange) throws IOException {
        String requestId = "req_" + random(14);
        int status;
        String body;
        boolean replayed = false;
        try {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getRawPath();
            if (path.startsWith("/double/")) {
                browserPage(exchange, method, path);
                return;
            }
            requestLog.add(method + " " + path);
            FormParams params = FormParams.parse("GET".equals(method) || "DELETE".equals(method)
                    ? exchange.getRequestURI().getRawQuery()
                    : new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            String endpoint = method + " " + template(path);
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            String browserKey = params.get("key");
            if (auth == null && browserKey != null && browserKey.startsWith("pk_test_")
                    && CREATED_IN_BROWSERS.equals(endpoint)) {
                // Stripe.js authenticates with the publishable key in the body (no CORS preflight).
                params = params.without("key");
            } else if (auth == null || !auth.equals("Bearer " + secretKey)) {
                throw new StripeError(401, "invalid_request_error", null, "Invalid API Key provided: "
                        + (auth == null ? "(none)" : redact(auth.replaceFirst("^Bearer ", ""))), null);
            }
            if (!allowList.knows(endpoint)) {
                throw new StripeError(404, "invalid_request_error", null, "Unrecognized request URL (" + method
                        + ": " + path + "). Please see https://stripe.com/docs or we can help at "
                        + "https://support.stripe.com/.", null);
            }
            for (String key : params.keys()) {
                if (!allowList.allows(endpoint, key)) {
                    throw new StripeError(400, "invalid_request_error", "parameter_unknown",
                            "Received unknown parameter: " + key, key);
                }
            }
            String key = "POST".equals(method) ? exchange.getRequestHeaders().getFirst("Idempotency-Key") : null;
            String fingerprint = endpoint + " " + path + " " + params.fingerprint();
            Stored stored;
            synchronized (this) {
                stored = key == null ? null : idempotent.get(key);
                if (stored != null && !stored.fingerprint().equals(fingerprint)) {
                    throw new StripeError(400, "idempotency_error", null, "Keys for idempotent requests can only "
                            + "be used with the same parameters they were first used with. Try using a key other "
                            + "than '" + key + "' if you meant to execute a different request.", null);
                }
                if (stored == null) {
                    try {
                        JsonObject answer = route(method, path, params);
                        status = 200;
                        body = GSON.toJson(answer);
                    } catch (StripeError e) {
                        // Like Stripe, a request refused before it started executing leaves its key unused.
                        if (e.error.has("code") && "parameter_missing".equals(e.error.get("code").getAsString())) {
                            throw e;
                        }
                        status = e.status;
                        body = GSON.toJson(e.body());
                    }
                    if (key != null) {
                        idempotent.put(key, new Stored(fingerprint, status, body));
                    }
                } else {
                    status = stored.status();
                    body = stored.body();
                    replayed = true;
                }
            }
        } catch (StripeError e) {
            status = e.status;
            body = GSON.toJson(e.body());
        } catch (RuntimeException e) {
            status = 500;
            JsonObject error = new JsonObject();
            JsonObject inner = new JsonObject();
            inner.addProperty("type", "api_error");
            inner.addProperty("message", "The Stripe double failed: " + e);
            error.add("error", inner);
            body = GSON.toJson(error);
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.getResponseHeaders().set("Request-Id", requestId);
        exchange.getResponseHeaders().set("Stripe-Version", Stripe.API_VERSION);
        exchange.getResponseHeaders().set("Access-Control-Allow-Origin", "*");
        if (replayed) {
            exchange.getResponseHeaders().set("Idempotent-Replayed", "true");
        }
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static String template(String path) {
        String[] parts = path.split("/");
        StringBuilder out = new StringBuilder();
        for (int i = 1; i < parts.length; i++) {
            boolean id = i == 3 && !parts[1].isEmpty() && !"test_helpers".equals(parts[2]);
            out.append('/').append(id ? "{id}" : parts[i]);
        }
        return out.toString();
    }

    private JsonObject route(String method, String path, FormParams p) throws StripeError {
        String[] parts = path.split("/");
        String resource = parts.length > 2 ? parts[2] : "";
        String id = parts.length > 3 ? parts[3] : null;
        String action = parts.length > 4 ? parts[4] : null;
        if (id != null && !ID.matcher(id).matches()) {
            throw StripeError.noSuch("object", "id", id);
        }
        JsonObject answer = switch (resource) {
            case "accounts" -> id == null ? createAccount(p)
                    : "login_links".equals(action) ? createLoginLink(find(accounts, "account", id))
                    : expand(find(accounts, "account", id), p);
            case "account_links" -> createAccountLink(p);
            case "payment_intents" -> {
                if (id == null) {
                    yield createIntent(p);
                }
                JsonObject pi = find(intents, "payment_intent", id);
                if ("GET".equals(method)) {
                    yield pi;
                }
                yield switch (action == null ? "" : action) {
                    case "" -> updateIntent(pi, p);
                    case "confirm" -> confirm(pi, p);
                    case "cancel" -> cancel(pi);
                    default -> verifyMicrodeposits(pi, p);
                };
            }
            case "confirmation_tokens" -> find(tokens, "confirmation_token", id);
            case "test_helpers" -> confirmationToken(p);
            case "refunds" -> id == null ? createRefund(p) : find(refunds, "refund", id);
            case "charges" -> find(charges, "charge", id);
            case "disputes" -> id == null ? listDisputes(p) : find(disputes, "dispute", id);
            default -> throw StripeError.invalid(null, "Unrecognized request URL.");
        };
        return expand(answer, p);
    }

    /** Replaces the ids named in {@code expand[]} by their objects, on a copy. */
    private JsonObject expand(JsonObject object, FormParams p) {
        List<String> expand = p.list("expand");
        if (expand.isEmpty()) {
            return object;
        }
        JsonObject copy = object.deepCopy();
        for (String field : expand) {
            JsonElement value = copy.get(field);
            if (value != null && value.isJsonPrimitive()) {
                String ref = value.getAsString();
                JsonObject target = ref.startsWith("ch_") ? charges.get(ref) : ref.startsWith("pm_")
                        ? methods.get(ref) : ref.startsWith("pi_") ? intents.get(ref) : null;
                if (target != null) {
                    copy.add(field, target.deepCopy());
                }
            }
        }
        return copy;
    }

    private static JsonObject find(Map<String, JsonObject> store, String kind, String id) throws StripeError {
        JsonObject found = store.get(id);
        if (found == null) {
            throw StripeError.noSuch(kind, "id", id);
        }
        return found;
    }

    // ---------------------------------------------------------------------------------------------------------
    // Accounts

    private JsonObject createAccount(FormParams p) throws StripeError {
        String type = p.get("type");
        if (type != null && !List.of("express", "standard", "custom").contains(type)) {
            throw StripeError.invalid("type", "Invalid type: must be one of custom, express, or standard");
        }
        JsonObject account = object("acct", "account");
        account.addProperty("type", type == null ? "express" : type);
        account.addProperty("country", p.get("country") == null ? "US" : p.get("country"));
        account.addProperty("email", p.get("email"));
        account.addProperty("charges_enabled", false);
        account.addProperty("payouts_enabled", false);
        account.addProperty("details_submitted", false);
        JsonObject profile = new JsonObject();
        profile.addProperty("name", p.get("business_profile[name]"));
        account.add("business_profile", profile);
        JsonObject capabilities = new JsonObject();
        for (String capability : List.of("card_payments", "transfers", "us_bank_account_ach_payments")) {
            if ("true".equals(p.get("capabilities[" + capability + "][requested]"))) {
                capabilities.addProperty(capability, "inactive");
            }
        }
        account.add("capabilities", capabilities);
        account.add("requirements", requirements(List.of("business_type", "external_account", "tos_acceptance.date"),
                "requirements.past_due"));
        account.add("metadata", metadata(p, new JsonObject()));
        accounts.put(account.get("id").getAsString(), account);
        return account;
    }

    private static JsonObject requirements(List<String> currentlyDue, String disabledReason) {
        JsonObject requirements = new JsonObject();
        JsonArray due = new JsonArray();
        currentlyDue.forEach(due::add);
        requirements.add("currently_due", due);
        requirements.add("eventually_due", due.deepCopy());
        requirements.add("past_due", due.deepCopy());
        requirements.add("errors", new JsonArray());
        requirements.addProperty("disabled_reason", disabledReason);
        return requirements;
    }

    private JsonObject createAccountLink(FormParams p) throws StripeError {
        for (String required : List.of("account", "type")) {
            if (p.get(required) == null) {
                throw StripeError.missing(required);
            }
        }
        find(accounts, "account", p.get("account"));
        if (!"account_onboarding".equals(p.get("type"))) {
            throw StripeError.invalid("type", "You cannot create `account_update` type Account Links for accounts "
                    + "that have access to a Stripe-hosted Dashboard.");
        }
        if (p.get("return_url") == null || p.get("refresh_url") == null) {
            throw StripeError.missing(p.get("return_url") == null ? "return_url" : "refresh_url");
        }
        String link = random(20);
        accountLinks.put(link, p.get("account") + " " + p.get("return_url") + " " + p.get("refresh_url"));
        JsonObject answer = new JsonObject();
        answer.addProperty("object", "account_link");
        answer.addProperty("created", now());
        answer.addProperty("expires_at", now() + 300);
        answer.addProperty("url", pagesBase() + "/double/onboarding/" + link);
        return answer;
    }

    /**
     * A single-use link into the Express dashboard, as {@code POST /v1/accounts/{id}/login_links} answers it; Stripe
     * makes them only for Express accounts that have finished onboarding.
     */
    private JsonObject createLoginLink(JsonObject account) throws StripeError {
        if (!account.get("details_submitted").getAsBoolean()) {
            throw StripeError.invalid("account", "Cannot create a login link for an account that has not completed "
                    + "onboarding.");
        }
        String link = random(20);
        loginLinks.put(link, account.get("id").getAsString());
        JsonObject answer = new JsonObject();
        answer.addProperty("object", "login_link");
        answer.addProperty("created", now());
        answer.addProperty("url", pagesBase() + "/double/express/" + link);
        return answer;
    }

    // ---------------------------------------------------------------------------------------------------------
    // Payment intents

    private JsonObject createIntent(FormParams p) throws StripeError {
        Long amount = p.getLong("amount");
        if (amount == null) {
            throw StripeError.missing("amount");
        }
        if (amount < 50) {
            throw new StripeError(400, "invalid_request_error", "amount_too_small",
                    "Amount must be at least $0.50 usd", "amount");
        }
        if (p.get("currency") == null) {
            throw StripeError.missing("currency");
        }
        String destination = p.get("transfer_data[destination]");
        if (destination != null && !accounts.containsKey(destination)) {
            throw StripeError.invalid("transfer_data[destination]", "No such destination: '" + destination + "'");
        }
        String onBehalfOf = p.get("on_behalf_of");
        if (onBehalfOf != null && !onBehalfOf.equals(destination)) {
            throw StripeError.invalid("on_behalf_of", "The `on_behalf_of` account must be the same as "
                    + "`transfer_data[destination]`.");
        }
        JsonObject pi = object("pi", "payment_intent");
        String id = pi.get("id").getAsString();
        pi.addProperty("amount", amount);
        pi.addProperty("amount_received", 0);
        pi.addProperty("currency", p.get("currency").toLowerCase());
        pi.addProperty("status", "requires_payment_method");
        pi.addProperty("client_secret", id + "_secret_" + random(24));
        pi.addProperty("capture_method", "automatic");
        pi.addProperty("confirmation_method", "automatic");
        pi.addProperty("description", p.get("description"));
        pi.addProperty("on_behalf_of", onBehalfOf);
        Long fee = p.getLong("application_fee_amount");
        if (fee != null) {
            pi.addProperty("application_fee_amount", fee);
        } else {
            pi.add("application_fee_amount", JsonNull.INSTANCE);
        }
        if (destination != null) {
            JsonObject transfer = new JsonObject();
            transfer.addProperty("destination", destination);
            pi.add("transfer_data", transfer);
        }
        JsonArray types = new JsonArray();
        List<String> requested = p.list("payment_method_types");
        (requested.isEmpty() ? List.of("card") : requested).forEach(types::add);
        pi.add("payment_method_types", types);
        JsonObject options = new JsonObject();
        String verification = p.get("payment_method_options[us_bank_account][verification_method]");
        if (verification != null) {
            JsonObject bank = new JsonObject();
            bank.addProperty("verification_method", verification);
            options.add("us_bank_account", bank);
        }
        pi.add("payment_method_options", options);
        pi.add("payment_method", JsonNull.INSTANCE);
        pi.add("latest_charge", JsonNull.INSTANCE);
        pi.add("last_payment_error", JsonNull.INSTANCE);
        pi.add("next_action", JsonNull.INSTANCE);
        pi.add("canceled_at", JsonNull.INSTANCE);
        pi.add("cancellation_reason", JsonNull.INSTANCE);
        pi.add("metadata", metadata(p, new JsonObject()));
        intents.put(id, pi);
        event("payment_intent.created", pi, null);
        return pi;
    }

    private JsonObject updateIntent(JsonObject pi, FormParams p) throws StripeError {
        String status = pi.get("status").getAsString();
        if (!status.equals("requires_payment_method") && !status.equals("requires_confirmation")
                && !status.equals("requires_action")) {
            throw StripeError.unexpectedState("update", status);
        }
        Long amount = p.getLong("amount");
        if (amount != null) {
            pi.addProperty("amount", amount);
        }
        Long fee = p.getLong("application_fee_amount");
        if (fee != null) {
            pi.addProperty("application_fee_amount", fee);
        }
        if (p.get("description") != null) {
            pi.addProperty("description", p.get("description"));
        }
        metadata(p, pi.getAsJsonObject("metadata"));
        return pi;
    }

    private JsonObject confirm(JsonObject pi, FormParams p) throws StripeError {
        String status = pi.get("status").getAsString();
        if (!status.equals("requires_payment_method") && !status.equals("requires_confirmation")) {
            throw StripeError.unexpectedState("confirm", status);
        }
        String tokenId = p.get("confirmation_token");
        if (tokenId == null) {
            throw StripeError.missing("confirmation_token");
        }
        JsonObject token = tokens.get(tokenId);
        if (token == null) {
            throw StripeError.noSuch("confirmation_token", "confirmation_token", tokenId);
        }
        if (token.get("expires_at").getAsLong() < now()) {
            throw StripeError.invalid("confirmation_token", "This ConfirmationToken has expired.");
        }
        if (!token.get("payment_intent").isJsonNull()) {
            throw StripeError.invalid("confirmation_token", "This ConfirmationToken has already been used.");
        }
        JsonObject preview = token.getAsJsonObject("payment_method_preview");
        String type = preview.get("type").getAsString();
        boolean allowed = false;
        for (JsonElement t : pi.getAsJsonArray("payment_method_types")) {
            allowed |= t.getAsString().equals(type);
        }
        if (!allowed) {
            throw StripeError.invalid("confirmation_token", "The PaymentMethod provided (" + type + ") is not "
                    + "allowed for this PaymentIntent. Please attach a PaymentMethod of one of the following types: "
                    + pi.getAsJsonArray("payment_method_types") + ".");
        }
        String returnUrl = p.get("return_url");
        token.addProperty("payment_intent", pi.get("id").getAsString());
        JsonObject method = preview.deepCopy();
        String methodId = "pm_" + random(24);
        method.addProperty("id", methodId);
        method.addProperty("object", "payment_method");
        String behaviour = method.remove("double_behaviour").getAsString();
        preview.remove("double_behaviour");
        methods.put(methodId, method);
        pi.addProperty("payment_method", methodId);
        pi.add("last_payment_error", JsonNull.INSTANCE);
        switch (behaviour) {
            case "succeed" -> succeed(pi);
            case "decline", "insufficient_funds" -> {
                String decline = behaviour.equals("decline") ? "generic_decline" : "insufficient_funds";
                fail(pi, "card_error", "card_declined", decline, behaviour.equals("decline")
                        ? "Your card was declined." : "Your card has insufficient funds.");
                JsonObject error = pi.getAsJsonObject("last_payment_error").deepCopy();
                error.add("payment_intent", pi.deepCopy());
                StripeError declined = new StripeError(402, "card_error", "card_declined",
                        error.get("message").getAsString(), null);
                declined.error.entrySet().clear();
                error.entrySet().forEach(e -> declined.error.add(e.getKey(), e.getValue()));
                throw declined;
            }
            case "three_d_secure" -> {
                if (returnUrl == null) {
                    throw StripeError.invalid("return_url", "A return_url is required to confirm this "
                            + "PaymentIntent: it may need the customer to authenticate.");
                }
                JsonObject redirect = new JsonObject();
                redirect.addProperty("url", pagesBase() + "/double/3ds/" + pi.get("id").getAsString());
                redirect.addProperty("return_url", returnUrl);
                JsonObject action = new JsonObject();
                action.addProperty("type", "redirect_to_url");
                action.add("redirect_to_url", redirect);
                pi.add("next_action", action);
                status(pi, "requires_action");
            }
            case "bank_instant" -> process(pi);
            default -> {
                JsonObject verify = new JsonObject();
                verify.addProperty("arrival_date", now() + 86_400);
                verify.addProperty("hosted_verification_url", pagesBase() + "/double/microdeposits/"
                        + pi.get("id").getAsString());
                verify.addProperty("microdeposit_type", "bank_microdeposit_amounts".equals(behaviour) ? "amounts"
                        : "descriptor_code");
                JsonObject action = new JsonObject();
                action.addProperty("type", "verify_with_microdeposits");
                action.add("verify_with_microdeposits", verify);
                pi.add("next_action", action);
                status(pi, "requires_action");
            }
        }
        return pi;
    }

    /**
     * Verifies a bank account entered by hand: the descriptor code or the two amounts, whichever the intent's
     * {@code microdeposit_type} says, as Stripe answers {@code POST /v1/payment_intents/{id}/verify_microdeposits}.
     * A wrong answer says how many attempts are left; the last wrong one fails the payment.
     */
    private JsonObject verifyMicrodeposits(JsonObject pi, FormParams p) throws StripeError {
        JsonElement action = pi.get("next_action");
        if (!"requires_action".equals(pi.get("status").getAsString()) || action.isJsonNull()
                || !"verify_with_microdeposits".equals(action.getAsJsonObject().get("type").getAsString())) {
            throw new StripeError(400, "invalid_request_error", "payment_intent_unexpected_state",
                    "This PaymentIntent's bank account has already been verified or does not need micro-deposit "
                            + "verification (status: " + pi.get("status").getAsString() + ").", null);
        }
        String type = action.getAsJsonObject().getAsJsonObject("verify_with_microdeposits").get("microdeposit_type")
                .getAsString();
        String code = p.get("descriptor_code");
        List<String> amounts = p.list("amounts");
        boolean right;
        if ("amounts".equals(type)) {
            if (code != null || amounts.size() != 2) {
                throw StripeError.invalid("amounts", "This bank account was sent two micro-deposits: provide their "
                        + "two amounts in cents as amounts[].");
            }
            right = amounts.stream().map(StripeDouble::amountInCents).sorted().toList().equals(MICRODEPOSIT_AMOUNTS);
        } else {
            if (code == null || !amounts.isEmpty()) {
                throw StripeError.invalid("descriptor_code", "This bank account was sent one micro-deposit with a "
                        + "descriptor code: provide the 6-character code that starts with SM as descriptor_code.");
            }
            right = DESCRIPTOR_CODE.equals(code);
        }
        if (right) {
            pi.add("next_action", JsonNull.INSTANCE);
            process(pi);
            return pi;
        }
        int failed = microdepositFailures.merge(pi.get("id").getAsString(), 1, Integer::sum);
        if (failed >= MICRODEPOSIT_ATTEMPTS) {
            pi.add("next_action", JsonNull.INSTANCE);
            fail(pi, "invalid_request_error", "payment_method_microdeposit_verification_attempts_exceeded", null,
                    "You have exceeded the number of allowed verification attempts.");
            throw new StripeError(400, "invalid_request_error",
                    "payment_method_microdeposit_verification_attempts_exceeded",
                    "You have exceeded the number of allowed verification attempts.", null);
        }
        int left = MICRODEPOSIT_ATTEMPTS - failed;
        throw "amounts".equals(type)
                ? new StripeError(400, "invalid_request_error",
                        "payment_method_microdeposit_verification_amounts_mismatch",
                        "The amounts provided do not match the amounts that were sent to the bank account. You have "
                                + left + " verification attempts remaining.", "amounts")
                : new StripeError(400, "invalid_request_error",
                        "payment_method_microdeposit_verification_descriptor_code_mismatch",
                        "The provided descriptor code does not match the micro-deposit. You have " + left
                                + " verification attempts remaining.", "descriptor_code");
    }

    private static long amountInCents(String amount) {
        try {
            return Long.parseLong(amount);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private JsonObject cancel(JsonObject pi) throws StripeError {
        String status = pi.get("status").getAsString();
        if (!List.of("requires_payment_method", "requires_confirmation", "requires_action", "requires_capture")
                .contains(status)) {
            throw StripeError.unexpectedState("cancel", status);
        }
        pi.addProperty("canceled_at", now());
        pi.addProperty("cancellation_reason", "requested_by_customer");
        pi.add("next_action", JsonNull.INSTANCE);
        status(pi, "canceled");
        return pi;
    }

    private void process(JsonObject pi) {
        charge(pi, "pending");
        status(pi, "processing");
    }

    private void succeed(JsonObject pi) {
        JsonObject charge = charge(pi, "succeeded");
        pi.addProperty("amount_received", pi.get("amount").getAsLong());
        status(pi, "succeeded");
        event("charge.succeeded", charge, null);
    }

    private void fail(JsonObject pi, String type, String code, String declineCode, String message) {
        JsonObject charge = charge(pi, "failed");
        charge.addProperty("failure_code", code);
        charge.addProperty("failure_message", message);
        JsonObject error = new JsonObject();
        error.addProperty("type", type);
        error.addProperty("code", code);
        if (declineCode != null) {
            error.addProperty("decline_code", declineCode);
        }
        error.addProperty("message", message);
        error.add("payment_method", methods.get(pi.get("payment_method").getAsString()).deepCopy());
        pi.add("last_payment_error", error);
        pi.add("payment_method", JsonNull.INSTANCE);
        pi.addProperty("amount_received", 0);
        event("charge.failed", charge, null);
        status(pi, "requires_payment_method");
        event("payment_intent.payment_failed", pi, null);
    }

    /** The payment's charge: the latest one, created when the payment is first confirmed. */
    private JsonObject charge(JsonObject pi, String status) {
        JsonElement latest = pi.get("latest_charge");
        JsonObject charge = latest.isJsonNull() ? null : charges.get(latest.getAsString());
        if (charge == null || "failed".equals(charge.get("status").getAsString())) {
            charge = object("ch", "charge");
            charge.addProperty("amount", pi.get("amount").getAsLong());
            charge.addProperty("amount_refunded", 0);
            charge.addProperty("currency", pi.get("currency").getAsString());
            charge.addProperty("payment_intent", pi.get("id").getAsString());
            charge.addProperty("payment_method", pi.get("payment_method").getAsString());
            charge.addProperty("refunded", false);
            charge.addProperty("disputed", false);
            charge.add("failure_code", JsonNull.INSTANCE);
            charge.add("failure_message", JsonNull.INSTANCE);
            charges.put(charge.get("id").getAsString(), charge);
            pi.addProperty("latest_charge", charge.get("id").getAsString());
        }
        charge.addProperty("status", status);
        charge.addProperty("paid", "succeeded".equals(status));
        return charge;
    }

    private void status(JsonObject pi, String status) {
        pi.addProperty("status", status);
        if (!"requires_payment_method".equals(status)) {
            event("payment_intent." + status, pi, null);
        }
    }

    private static void requireStatus(JsonObject pi, String status) {
        if (pi == null || !status.equals(pi.get("status").getAsString())) {
            throw new IllegalStateException("The payment is not " + status + ": "
                    + (pi == null ? "no such payment" : pi.get("status").getAsString()));
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Confirmation tokens

    private JsonObject confirmationToken(FormParams p) throws StripeError {
        String paymentMethod = p.get("payment_method");
        String type = paymentMethod != null ? "card" : p.get("payment_method_data[type]");
        if (type == null) {
            throw StripeError.missing("payment_method_data[type]");
        }
        JsonObject preview = new JsonObject();
        preview.addProperty("type", type);
        if ("card".equals(type)) {
            String[] card = switch (paymentMethod == null ? "" : paymentMethod) {
                case "pm_card_visa" -> new String[] {"visa", "credit", "4242", "succeed"};
                case "pm_card_visa_debit" -> new String[] {"visa", "debit", "5556", "succeed"};
                case "pm_card_mastercard_prepaid" -> new String[] {"mastercard", "prepaid", "5100", "succeed"};
                case "pm_card_chargeDeclined" -> new String[] {"visa", "credit", "0002", "decline"};
                case "pm_card_chargeDeclinedInsufficientFunds" ->
                        new String[] {"visa", "credit", "9995", "insufficient_funds"};
                case "pm_card_authenticationRequired" -> new String[] {"visa", "credit", "3184", "three_d_secure"};
                default -> throw StripeError.noSuch("PaymentMethod", "payment_method", String.valueOf(paymentMethod));
            };
            JsonObject details = new JsonObject();
            details.addProperty("brand", card[0]);
            details.addProperty("funding", card[1]);
            details.addProperty("last4", card[2]);
            details.addProperty("country", "US");
            details.addProperty("exp_month", 12);
            details.addProperty("exp_year", 2034);
            preview.add("card", details);
            preview.addProperty("double_behaviour", card[3]);
        } else if ("us_bank_account".equals(type)) {
            boolean instant = p.get("payment_method_data[us_bank_account][financial_connections_account]") != null;
            String number = p.get("payment_method_data[us_bank_account][account_number]");
            if (!instant && (number == null || p.get("payment_method_data[us_bank_account][routing_number]") == null)) {
                throw StripeError.missing("payment_method_data[us_bank_account][account_number]");
            }
            JsonObject bank = new JsonObject();
            bank.addProperty("bank_name", "STRIPE TEST BANK");
            bank.addProperty("last4", instant ? "6789" : number.substring(Math.max(0, number.length() - 4)));
            bank.addProperty("account_type", "checking");
            bank.addProperty("account_holder_type", "company");
            bank.addProperty("routing_number", "110000000");
            preview.add("us_bank_account", bank);
            preview.addProperty("double_behaviour", instant ? "bank_instant"
                    : AMOUNTS_ACCOUNT_NUMBER.equals(number) ? "bank_microdeposit_amounts" : "bank_microdeposits");
        } else {
            throw StripeError.invalid("payment_method_data[type]", "Invalid payment_method_data[type]: " + type);
        }
        JsonObject address = new JsonObject();
        String state = p.get("payment_method_data[billing_details][address][state]");
        address.addProperty("state", state);
        address.addProperty("country", state == null ? null : "US");
        JsonObject billing = new JsonObject();
        billing.add("address", address);
        billing.add("email", JsonNull.INSTANCE);
        billing.add("name", JsonNull.INSTANCE);
        preview.add("billing_details", billing);
        JsonObject token = object("ctoken", "confirmation_token");
        token.addProperty("expires_at", now() + 12 * 3600);
        token.add("payment_intent", JsonNull.INSTANCE);
        token.add("payment_method_preview", preview);
        token.addProperty("return_url", p.get("return_url"));
        tokens.put(token.get("id").getAsString(), token);
        JsonObject answer = token.deepCopy();
        answer.getAsJsonObject("payment_method_preview").remove("double_behaviour");
        return answer;
    }

    // ---------------------------------------------------------------------------------------------------------
    // Refunds and disputes

    private JsonObject createRefund(FormParams p) throws StripeError {
        String piId = p.get("payment_intent");
        if (piId == null && p.get("charge") == null) {
            throw StripeError.missing("charge");
        }
        JsonObject pi = piId == null ? null : find(intents, "payment_intent", piId);
        JsonObject charge = pi == null ? find(charges, "charge", p.get("charge"))
                : pi.get("latest_charge").isJsonNull() ? null : charges.get(pi.get("latest_charge").getAsString());
        if (charge == null || !"succeeded".equals(charge.get("status").getAsString())) {
            throw new StripeError(400, "invalid_request_error", "charge_not_refundable",
                    "This PaymentIntent does not have a successful charge to refund.", "payment_intent");
        }
        if (charge.get("disputed").getAsBoolean()) {
            throw new StripeError(400, "invalid_request_error", "charge_disputed",
                    "Charge " + charge.get("id").getAsString() + " has been charged back; cannot issue a refund.",
                    null);
        }
        long left = charge.get("amount").getAsLong() - charge.get("amount_refunded").getAsLong();
        Long asked = p.getLong("amount");
        long amount = asked == null ? left : asked;
        if (left == 0) {
            throw new StripeError(400, "invalid_request_error", "charge_already_refunded",
                    "Charge " + charge.get("id").getAsString() + " has already been refunded.", null);
        }
        if (amount <= 0 || amount > left) {
            throw new StripeError(400, "invalid_request_error", "amount_too_large", "Refund amount ($"
                    + cents(amount) + ") is greater than unrefunded amount on charge ($" + cents(left) + ")",
                    "amount");
        }
        String reason = p.get("reason");
        if (reason != null && !List.of("duplicate", "fraudulent", "requested_by_customer").contains(reason)) {
            throw StripeError.invalid("reason", "Invalid reason: must be one of duplicate, fraudulent, or "
                    + "requested_by_customer");
        }
        JsonObject method = methods.get(charge.get("payment_method").getAsString());
        boolean bank = method != null && "us_bank_account".equals(method.get("type").getAsString());
        JsonObject refund = object("re", "refund");
        refund.addProperty("amount", amount);
        refund.addProperty("currency", charge.get("currency").getAsString());
        refund.addProperty("charge", charge.get("id").getAsString());
        refund.addProperty("payment_intent", charge.get("payment_intent").getAsString());
        refund.addProperty("reason", reason);
        refund.addProperty("status", bank ? "pending" : "succeeded");
        refund.add("failure_reason", JsonNull.INSTANCE);
        refund.add("metadata", metadata(p, new JsonObject()));
        charge.addProperty("amount_refunded", charge.get("amount_refunded").getAsLong() + amount);
        charge.addProperty("refunded", charge.get("amount_refunded").getAsLong() == charge.get("amount").getAsLong());
        refunds.put(refund.get("id").getAsString(), refund);
        event("refund.created", refund, null);
        event("charge.refunded", charge, null);
        return refund;
    }

    private JsonObject listDisputes(FormParams p) {
        JsonArray data = new JsonArray();
        for (JsonObject dispute : disputes.values()) {
            if ((p.get("payment_intent") == null || p.get("payment_intent").equals(
                    dispute.get("payment_intent").getAsString()))
                    && (p.get("charge") == null || p.get("charge").equals(dispute.get("charge").getAsString()))) {
                data.add(dispute);
            }
        }
        JsonObject list = new JsonObject();
        list.addProperty("object", "list");
        list.add("data", data);
        list.addProperty("has_more", false);
        list.addProperty("url", "/v1/disputes");
        return list;
    }

    // ---------------------------------------------------------------------------------------------------------
    // Events

    private void event(String type, JsonObject object, String account) {
        JsonObject event = object("evt", "event");
        event.addProperty("api_version", Stripe.API_VERSION);
        JsonObject data = new JsonObject();
        data.add("object", object.deepCopy());
        event.add("data", data);
        event.addProperty("pending_webhooks", 1);
        event.addProperty("type", type);
        if (account != null) {
            event.addProperty("account", account);
        }
        String id = event.get("id").getAsString();
        events.put(id, event);
        boolean connect = account != null;
        for (Endpoint endpoint : endpoints) {
            if (endpoint.connect() == connect) {
                deliveries.execute(() -> delivered.add(deliver(id, endpoint.url(), endpoint.secret())));
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Pages a browser opens at Stripe: onboarding, a 3-D Secure challenge

    private void browserPage(HttpExchange exchange, String method, String path) throws IOException {
        if (path.equals("/double/stripe.js")) {
            byte[] script;
            try (var in = StripeDouble.class.getResourceAsStream("stripe-js-standin.js")) {
                script = in.readAllBytes();
            }
            exchange.getResponseHeaders().set("Content-Type", "text/javascript; charset=utf-8");
            exchange.sendResponseHeaders(200, script.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(script);
            }
            return;
        }
        if (path.startsWith("/double/control/")) {
            control(exchange, path.substring("/double/control/".length()));
            return;
        }
        Matcher onboarding = Pattern.compile("/double/onboarding/(\\w+)").matcher(path);
        Matcher challenge = Pattern.compile("/double/3ds/(\\w+)").matcher(path);
        Matcher express = Pattern.compile("/double/express/(\\w+)").matcher(path);
        Matcher microdeposits = Pattern.compile("/double/microdeposits/(\\w+)").matcher(path);
        String location = null;
        String html = null;
        synchronized (this) {
            if (onboarding.matches()) {
                String link = accountLinks.get(onboarding.group(1));
                String[] parts = link == null ? null : link.split(" ");
                if (parts == null) {
                    html = "<p>No such onboarding link.</p>";
                } else if ("POST".equals(method)) {
                    accountLinks.put(onboarding.group(1), link + " used");
                    completeOnboarding(parts[0], "NV");
                    location = parts[1];
                } else if (parts.length > 3) {
                    location = parts[2];
                } else {
                    html = "<h1>Stripe Express onboarding (double)</h1><form method=post><button>Finish "
                            + "onboarding</button></form>";
                }
            } else if (microdeposits.matches() && intents.containsKey(microdeposits.group(1))) {
                // Stripe's hosted verification page: the code (or the amounts) in a form, verified as the API does.
                JsonObject pi = intents.get(microdeposits.group(1));
                String message = "";
                if ("POST".equals(method)) {
                    try {
                        // Fields left empty are not sent, as the page's script would not send them.
                        verifyMicrodeposits(pi, FormParams.parse(new String(exchange.getRequestBody().readAllBytes(),
                                StandardCharsets.UTF_8).replaceAll("(^|&)[^=&]+=(?=&|$)", "")));
                    } catch (StripeError e) {
                        message = "<p role=alert>" + e.getMessage() + "</p>";
                    }
                }
                html = "requires_action".equals(pi.get("status").getAsString())
                        ? "<h1>Verify your bank account (double)</h1>" + message + "<form method=post><label>Code "
                                + "<input name=descriptor_code></label> or amounts <input name='amounts[]'>"
                                + "<input name='amounts[]'><button>Verify</button></form>"
                        : message + "<p>This bank account is verified (" + pi.get("status").getAsString() + ").</p>";
            } else if (express.matches()) {
                String account = loginLinks.remove(express.group(1));
                html = account == null ? "<p>This login link has expired or was already used.</p>"
                        : "<h1>Express dashboard (double)</h1><p>Account " + account + "</p>";
            } else if (challenge.matches() && intents.containsKey(challenge.group(1))) {
                JsonObject pi = intents.get(challenge.group(1));
                JsonElement action = pi.get("next_action");
                String query = exchange.getRequestURI().getQuery();
                if ("POST".equals(method) && action != null && !action.isJsonNull()) {
                    String returnUrl = action.getAsJsonObject().getAsJsonObject("redirect_to_url")
                            .get("return_url").getAsString();
                    authenticate(challenge.group(1), query != null && query.contains("outcome=pass"));
                    location = returnUrl + (returnUrl.contains("?") ? "&" : "?") + "payment_intent="
                            + URLEncoder.encode(challenge.group(1), StandardCharsets.UTF_8);
                } else {
                    html = "<h1>3-D Secure (double)</h1><form method=post action='?outcome=pass'><button>Complete"
                            + "</button></form><form method=post action='?outcome=fail'><button>Fail</button></form>";
                }
            } else {
                html = "<p>Not found.</p>";
            }
        }
        if (location != null) {
            exchange.getResponseHeaders().set("Location", location);
            exchange.sendResponseHeaders(303, -1);
            exchange.close();
            return;
        }
        byte[] bytes = ("<!doctype html><html lang=en><title>Stripe double</title>" + html)
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /**
     * The test hooks over HTTP, for a test that runs in another JVM than the double (Pax Exam): {@code POST
     * /double/control/{hook}} with form parameters; answers 200 with JSON, or 400 naming what is wrong.
     */
    private void control(HttpExchange exchange, String hook) throws IOException {
        FormParams p = FormParams.parse(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        int status = 200;
        JsonObject answer = new JsonObject();
        try {
            switch (hook) {
                case "pages-origin" -> pagesOrigin(p.get("origin"));
                case "webhook-endpoint" -> addWebhookEndpoint(URI.create(p.get("url")), p.get("secret"),
                        "true".equals(p.get("connect")));
                case "authenticate" -> authenticate(p.get("payment_intent"), "true".equals(p.get("passed")));
                case "settle-bank-debit" -> settleBankDebit(p.get("payment_intent"), "true".equals(p.get("settled")));
                case "open-dispute" -> answer.addProperty("id", openDispute(p.get("payment_intent"), p.get("reason")));
                case "requests" -> {
                    JsonArray list = new JsonArray();
                    requests().forEach(list::add);
                    answer.add("requests", list);
                }
                case "deliveries" -> {
                    JsonArray list = new JsonArray();
                    synchronized (delivered) {
                        delivered.forEach(d -> {
                            JsonObject row = new JsonObject();
                            row.addProperty("event", d.eventId());
                            row.addProperty("url", d.url().toString());
                            row.addProperty("status", d.status());
                            list.add(row);
                        });
                    }
                    answer.add("deliveries", list);
                }
                default -> throw new IllegalArgumentException("No such hook: " + hook);
            }
        } catch (RuntimeException e) {
            status = 400;
            answer.addProperty("error", String.valueOf(e.getMessage()));
        }
        byte[] bytes = GSON.toJson(answer).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** The automatic deliveries to the registered endpoints so far, oldest first. */
    public List<Delivery> deliveries() {
        synchronized (delivered) {
            return List.copyOf(delivered);
        }
    }

    // ---------------------------------------------------------------------------------------------------------

    private static JsonObject metadata(FormParams p, JsonObject into) {
        p.map("metadata").forEach(into::addProperty);
        return into;
    }

    private static JsonObject object(String prefix, String kind) {
        JsonObject object = new JsonObject();
        object.addProperty("id", prefix + "_" + random(24));
        object.addProperty("object", kind);
        object.addProperty("created", now());
        object.addProperty("livemode", false);
        return object;
    }

    private static String cents(long minor) {
        return String.format("%d.%02d", minor / 100, minor % 100);
    }

    private static String redact(String key) {
        return key.length() <= 8 ? "****" : key.substring(0, 8) + "*".repeat(Math.min(20, key.length() - 8));
    }

    private static long now() {
        return System.currentTimeMillis() / 1000;
    }

    private static String random(int length) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return out.toString();
    }
}
