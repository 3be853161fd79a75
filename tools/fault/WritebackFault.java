import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The write-back fault run's driver (see writeback-fault.sh, which starts everything it talks to): customers pay
 * invoices through the portal's own HTTP flow on two nodes, while the NetSuite sandbox is switched unavailable, slow
 * and rate-limiting, the sandbox processor's webhooks are delivered again twice and out of order, and one node is
 * killed with SIGKILL; then it waits for the outbox to drain and compares NetSuite's customer payments with the
 * ledger. Prints the figures; exits 1 on any discrepancy.
 *
 * <p>Run (with the PostgreSQL JDBC driver on the class path): java -cp postgresql.jar WritebackFault.java PEOPLE_FILE
 * with the environment FAULT_NODES (two base URLs), FAULT_SANDBOX, FAULT_PAYMENTS, FAULT_WEBHOOK_SECRET,
 * FAULT_KILL_PID_FILE (the victim's karaf.pid), FAULT_RESTART (the command that starts the victim again, or empty),
 * PORTICO_DB_URL, PORTICO_DB_USER, PORTICO_DB_PASSWORD. PEOPLE_FILE has one "session-cookie csrf-token" per line.
 */
public class WritebackFault {

    private static final String FORM = "application/x-www-form-urlencoded";
    private static final Pattern PAYMENT = Pattern.compile("/pay/([0-9a-f-]{36})$");
    private static final String CARD = "4242424242424242";
    private static final String BANK = "000123456789";
    /** An invoice with no more than this left is not paid again (a partial payment takes up to 4.99). */
    private static final BigDecimal MIN_LEFT = new BigDecimal("5.00");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final List<String> nodes;
    private final String sandbox;
    private final String secret;
    private final String jdbc = System.getenv("PORTICO_DB_URL");
    private final AtomicBoolean victimDown = new AtomicBoolean();
    private final AtomicInteger faultsInjected = new AtomicInteger();
    private final AtomicInteger httpRetries = new AtomicInteger();
    private final AtomicInteger replayed = new AtomicInteger();
    private final AtomicInteger replayedDuplicates = new AtomicInteger();
    private final List<String> faultLog = Collections.synchronizedList(new ArrayList<>());
    /** Per payment public id: invoice NetSuite id -> amount, as the driver asked for it. */
    private final Map<String, Map<Long, BigDecimal>> paid = new ConcurrentHashMap<>();
    private final AtomicInteger paidAgain = new AtomicInteger();
    private final Map<String, String> errors = new ConcurrentHashMap<>();

    WritebackFault(List<String> nodes, String sandbox, String secret) {
        this.nodes = nodes;
        this.sandbox = sandbox;
        this.secret = secret;
    }

    record Person(String cookie, String csrf, long organizationId, String customerNetsuiteId) {
    }

    /** An open invoice and what is left of it as the driver paid it down. */
    static final class Invoice {
        final long netsuiteId;
        BigDecimal due;

        Invoice(long netsuiteId, BigDecimal due) {
            this.netsuiteId = netsuiteId;
            this.due = due;
        }
    }

    public static void main(String[] args) throws Exception {
        WritebackFault run = new WritebackFault(List.of(System.getenv("FAULT_NODES").split(" ")),
                System.getenv("FAULT_SANDBOX"), System.getenv("FAULT_WEBHOOK_SECRET"));
        System.exit(run.run(Path.of(args[0]), Integer.parseInt(System.getenv("FAULT_PAYMENTS"))));
    }

    int run(Path peopleFile, int payments) throws Exception {
        List<Person> people = new ArrayList<>();
        for (String line : Files.readAllLines(peopleFile)) {
            String[] f = line.trim().split(" ");
            if (f.length == 4) {
                people.add(new Person(f[0], f[1], Long.parseLong(f[2]), f[3]));
            }
        }
        String account = queryOne("SELECT processor_account_id FROM pay_settings WHERE enabled");
        Map<Long, List<Invoice>> invoices = openInvoices();
        // Customers with nothing open have nothing to pay.
        people.removeIf(p -> !invoices.containsKey(p.organizationId()));
        long started = System.nanoTime();
        log("paying: " + payments + " payments by " + people.size() + " customers on " + nodes);

        AtomicBoolean paying = new AtomicBoolean(true);
        Thread faults = new Thread(() -> injectFaults(paying), "faults");
        faults.start();

        int threads = Math.min(6, people.size());
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            futures.add(pool.submit(() -> {
                Random random = new Random(42 + thread);
                // Each thread has customers of its own, so its idea of their invoices' balances is the portal's.
                List<Person> mine = new ArrayList<>();
                for (int i = thread; i < people.size(); i += threads) {
                    mine.add(people.get(i));
                }
                for (int k = next.getAndIncrement(); k < payments; k = next.getAndIncrement()) {
                    // The next customer with something left to pay (a small one may have paid everything).
                    Person person = mine.get(k % mine.size());
                    for (int j = 1; j < mine.size() && !payable(invoices.get(person.organizationId())); j++) {
                        person = mine.get((k + j) % mine.size());
                    }
                    try {
                        pay(k, person, account, invoices.get(person.organizationId()), random);
                    } catch (Exception e) {
                        errors.put("payment " + k, String.valueOf(e));
                    }
                    int n = done.incrementAndGet();
                    milestones(n, payments);
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        double payingSeconds = (System.nanoTime() - started) / 1e9;
        log(String.format("paid: %d payments opened and confirmed in %.0f s (%d driver errors)", paid.size(),
                payingSeconds, errors.size()));
        replayWebhooks("after the payments");
        paying.set(false);
        faults.join();
        setFaults("{\"clear\":true,\"concurrencyLimit\":5}", "all faults off");

        // Drain: every payment succeeded (bank debits settle) and every outbox row posted.
        long drainStart = System.nanoTime();
        long deadline = System.nanoTime() + Duration.ofMinutes(9).toNanos();
        String state = "";
        boolean replayedLate = false;
        while (System.nanoTime() < deadline) {
            state = queryOne("SELECT format('payments %s succeeded, %s other; outbox %s pending, %s posted, %s failed,"
                    + " %s skipped', count(*) FILTER (WHERE p.status = 'succeeded'),"
                    + " count(*) FILTER (WHERE p.status <> 'succeeded'),"
                    + " count(*) FILTER (WHERE w.status = 'pending'), count(*) FILTER (WHERE w.status = 'posted'),"
                    + " count(*) FILTER (WHERE w.status = 'failed'), count(*) FILTER (WHERE w.status = 'skipped'))"
                    + " FROM pay_payment p LEFT JOIN pay_writeback w ON w.payment_id = p.id"
                    + " WHERE p.public_id::text IN (" + quotedIds() + ")");
            if (state.contains("succeeded, 0 other; outbox 0 pending")) {
                break;
            }
            if (state.contains(" other") && !state.contains(" 0 other")) {
                payAgainWhatWasCanceled(people, account);
            }
            if (!replayedLate && state.contains(" 0 other")) {
                replayWebhooks("after the bank debits settled");
                replayedLate = true;
            }
            System.out.println("  draining: " + state);
            Thread.sleep(10_000);
        }
        double drainSeconds = (System.nanoTime() - drainStart) / 1e9;
        log("drained in " + Math.round(drainSeconds) + " s: " + state);
        return verify(payments, (System.nanoTime() - started) / 1e9);
    }

    private static boolean payable(List<Invoice> open) {
        synchronized (open) {
            return open.stream().anyMatch(i -> i.due.compareTo(MIN_LEFT) > 0);
        }
    }

    /** One payment: choose invoices and amounts, open it, tokenize a method, review, confirm. */
    private void pay(int k, Person person, String account, List<Invoice> open, Random random) throws Exception {
        Map<Long, BigDecimal> amounts = new TreeMap<>();
        synchronized (open) {
            List<Invoice> candidates = new ArrayList<>();
            for (Invoice i : open) {
                if (i.due.compareTo(MIN_LEFT) > 0) {
                    candidates.add(i);
                }
            }
            Collections.shuffle(candidates, random);
            int count = Math.min(candidates.size(), k % 3 == 0 ? 1 + random.nextInt(3) : 1);
            for (Invoice invoice : candidates.subList(0, count)) {
                // One payment in 25 pays an invoice in full (while the customer has others open); the rest are
                // partial, so balances last the run.
                BigDecimal amount = k % 25 == 0 && candidates.size() > 2 ? invoice.due
                        : BigDecimal.valueOf(100 + random.nextInt(400), 2).min(invoice.due);
                amounts.put(invoice.netsuiteId, amount);
                invoice.due = invoice.due.subtract(amount);
            }
        }
        if (amounts.isEmpty()) {
            throw new IllegalStateException("no open invoice left for organization " + person.organizationId());
        }
        paid.put(checkout(k, person, account, amounts), amounts);
    }

    /** Pays the amounts through the checkout a browser uses; returns the payment's id. */
    private String checkout(int k, Person person, String account, Map<Long, BigDecimal> amounts) throws Exception {
        StringBuilder form = new StringBuilder("csrf=" + person.csrf());
        amounts.forEach((id, amount) -> form.append("&invoice=").append(id).append("&amount-").append(id).append('=')
                .append(amount.toPlainString()));
        HttpResponse<String> opened = send(k, person, "POST", "/pay", FORM, form.toString());
        Matcher id = PAYMENT.matcher(opened.headers().firstValue("Location").orElse(""));
        if (opened.statusCode() != 303 || !id.find()) {
            throw new IllegalStateException("POST /pay answered " + opened.statusCode() + ": " + snippet(opened));
        }
        String payment = id.group(1);
        boolean bank = k % 10 == 7;
        String method = bank
                ? "{\"account\":\"" + account + "\",\"kind\":\"us_bank_account\",\"routingNumber\":\"110000000\","
                        + "\"accountNumber\":\"" + BANK + "\",\"billingState\":\"FL\"}"
                : "{\"account\":\"" + account + "\",\"kind\":\"card\",\"cardNumber\":\"" + CARD
                        + "\",\"expiry\":\"12/34\",\"cvc\":\"123\",\"billingState\":\"NV\"}";
        HttpResponse<String> tokenized = send(k, person, "POST", "/pay-sandbox/tokens", "application/json", method);
        if (tokenized.statusCode() != 200) {
            throw new IllegalStateException("tokens answered " + tokenized.statusCode() + ": " + snippet(tokenized));
        }
        Matcher token = Pattern.compile("\"token\":\"(pm_sandbox_[0-9a-f]+)\"").matcher(tokenized.body());
        if (!token.find()) {
            throw new IllegalStateException("no method token: " + snippet(tokenized));
        }
        String methodForm = "methodToken=" + token.group(1) + "&csrf=" + person.csrf();
        HttpResponse<String> review = send(k, person, "POST", "/pay/" + payment + "/review", FORM, methodForm);
        if (review.statusCode() != 200) {
            throw new IllegalStateException("review answered " + review.statusCode() + ": " + snippet(review));
        }
        HttpResponse<String> confirmed = send(k, person, "POST", "/pay/" + payment + "/confirm", FORM, methodForm);
        if (confirmed.statusCode() != 303
                || !confirmed.headers().firstValue("Location").orElse("").endsWith("/pay/" + payment)) {
            throw new IllegalStateException("confirm answered " + confirmed.statusCode() + ": " + snippet(confirmed));
        }
        return payment;
    }

    /**
     * Pays again, as its customer would, each payment the portal canceled because the processor never heard of it
     * (its node was killed between holding the invoices and asking the processor; nothing was charged): the run
     * still ends with one customer payment in NetSuite per payment asked.
     */
    private void payAgainWhatWasCanceled(List<Person> people, String account) throws Exception {
        Map<String, Long> canceled = new HashMap<>();
        try (Connection c = connect(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT p.public_id::text, p.organization_id FROM pay_payment p"
                        + " WHERE p.status = 'canceled' AND p.public_id::text IN (" + quotedIds() + ")")) {
            while (rs.next()) {
                canceled.put(rs.getString(1), rs.getLong(2));
            }
        }
        for (Map.Entry<String, Long> e : canceled.entrySet()) {
            Person person = people.stream().filter(p -> p.organizationId() == e.getValue()).findFirst().orElseThrow();
            Map<Long, BigDecimal> amounts = paid.remove(e.getKey());
            paid.put(checkout(0, person, account, amounts), amounts);
            paidAgain.incrementAndGet();
            log("paid again: " + e.getKey() + " was canceled unconfirmed (its node was killed before asking the"
                    + " processor; nothing charged)");
        }
    }

    /**
     * Sends on the payment's node (alternating, the surviving one while the victim is down); a request that got no
     * answer (the node died under it) goes again to the other node: every step of the checkout may be repeated.
     */
    private HttpResponse<String> send(int k, Person person, String method, String path, String type, String body)
            throws Exception {
        int node = victimDown.get() ? 0 : k % nodes.size();
        for (int attempt = 0; ; attempt++) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(nodes.get(node) + path))
                    .timeout(Duration.ofSeconds(60)).header("Cookie", "portico_session=" + person.cookie())
                    .header("Accept", path.startsWith("/pay-sandbox/") ? "application/json" : "text/html")
                    .header("X-CSRF-Token", person.csrf())
                    .method(method, HttpRequest.BodyPublishers.ofString(body));
            if (type != null) {
                request.header("Content-Type", type);
            }
            try {
                return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                if (attempt >= 5) {
                    throw e;
                }
                httpRetries.incrementAndGet();
                node = 0;
                Thread.sleep(500);
            }
        }
    }

    /** Kills the victim node at 40 % of the payments and starts it again at 70 %; replays webhooks at 50 %. */
    private void milestones(int done, int payments) {
        try {
            if (done == payments * 4 / 10) {
                long pid = Long.parseLong(Files.readString(Path.of(System.getenv("FAULT_KILL_PID_FILE"))).trim());
                victimDown.set(true);
                boolean killed = ProcessHandle.of(pid).map(ProcessHandle::destroyForcibly).orElse(false);
                log("kill -9 of node 2 (pid " + pid + ") after " + done + " payments: " + (killed ? "killed" : "GONE?"));
            } else if (done == payments / 2) {
                replayWebhooks("mid-run, node 2 down");
            } else if (done == payments * 7 / 10 && !System.getenv("FAULT_RESTART").isBlank()) {
                log("starting node 2 again after " + done + " payments");
                new ProcessBuilder("bash", "-c", System.getenv("FAULT_RESTART")).inheritIO().start().waitFor();
                // It takes payments again once it answers; until then, node 1 takes them all.
                Thread waiter = new Thread(() -> {
                    for (int i = 0; i < 360; i++) {
                        try {
                            HttpResponse<String> health = http.send(HttpRequest.newBuilder(
                                    URI.create(nodes.get(1) + "/health")).timeout(Duration.ofSeconds(2)).build(),
                                    HttpResponse.BodyHandlers.ofString());
                            if (health.statusCode() == 200) {
                                victimDown.set(false);
                                log("node 2 answers again");
                                return;
                            }
                        } catch (Exception e) {
                            // not up yet
                        }
                        try {
                            Thread.sleep(500);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                });
                waiter.setDaemon(true);
                waiter.start();
            }
        } catch (Exception e) {
            errors.put("milestone " + done, String.valueOf(e));
        }
    }

    /**
     * Cycles NetSuite's faults while customers pay (unavailable, slow, rate-limiting, dropping connections, flaky,
     * losing answers), and through the whole cycle at least once however fast the payments went.
     */
    private void injectFaults(AtomicBoolean paying) {
        List<String[]> cycle = List.of(
                new String[] {"{\"errorRate\":1.0}", "unavailable (every call 500 UNEXPECTED_ERROR)"},
                new String[] {"{\"clear\":true}", "healthy"},
                new String[] {"{\"latencyMillis\":1500}", "slow (1.5 s a call)"},
                new String[] {"{\"clear\":true,\"concurrencyLimit\":1}", "rate-limiting (concurrency 1: 429s)"},
                new String[] {"{\"dropConnectionRate\":1.0,\"concurrencyLimit\":5}",
                    "unavailable (every connection dropped unanswered)"},
                new String[] {"{\"clear\":true}", "healthy"},
                new String[] {"{\"errorRate\":0.3,\"latencyMillis\":400}", "flaky (30 % 500s, 0.4 s a call)"},
                new String[] {"{\"clear\":true,\"lostAnswerRate\":0.5}",
                    "lost answers (half the calls carried out, their answers never sent)"},
                new String[] {"{\"clear\":true}", "healthy"});
        try {
            for (int i = 0; paying.get() || i < cycle.size(); i++) {
                String[] step = cycle.get(i % cycle.size());
                setFaults(step[0], step[1]);
                Thread.sleep(12_000);
            }
        } catch (Exception e) {
            errors.put("faults", String.valueOf(e));
        }
    }

    private void setFaults(String json, String what) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(sandbox + "/sandbox/faults"))
                    .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("faults answered " + r.statusCode());
            }
            if (!what.equals("healthy") && !what.equals("all faults off")) {
                faultsInjected.incrementAndGet();
            }
            faultLog.add(what);
            log("NetSuite sandbox: " + what);
        } catch (Exception e) {
            errors.put("faults " + what, String.valueOf(e));
        }
    }

    /**
     * Delivers every event the sandbox processor sent so far again, twice each and shuffled, signed as the processor
     * signs them, to the nodes that are up: the platform must take each once and never act on a stale one.
     */
    private void replayWebhooks(String when) {
        try {
            List<String> bodies = new ArrayList<>();
            try (Connection c = connect(); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT body FROM pay_sandbox_event WHERE delivered_at IS NOT NULL")) {
                while (rs.next()) {
                    bodies.add(rs.getString(1));
                }
            }
            List<String> twice = new ArrayList<>(bodies);
            twice.addAll(bodies);
            Collections.shuffle(twice, new Random(7));
            int duplicates = 0;
            for (int i = 0; i < twice.size(); i++) {
                String node = nodes.get(victimDown.get() ? 0 : i % nodes.size());
                long t = System.currentTimeMillis() / 1000;
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
                String signature = HexFormat.of().formatHex(
                        mac.doFinal((t + "." + twice.get(i)).getBytes(StandardCharsets.UTF_8)));
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(
                        URI.create(node + "/api/pay/webhooks/sandbox")).header("Content-Type", "application/json")
                        .header("Sandbox-Signature", "t=" + t + ",v1=" + signature)
                        .POST(HttpRequest.BodyPublishers.ofString(twice.get(i))).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 200) {
                    errors.put("webhook replay " + i, r.statusCode() + " " + snippet(r));
                } else if (r.body().contains("\"duplicate\":true")) {
                    duplicates++;
                }
            }
            replayed.addAndGet(twice.size());
            replayedDuplicates.addAndGet(duplicates);
            log("webhooks " + when + ": " + bodies.size() + " events delivered again twice each, shuffled ("
                    + duplicates + " of " + twice.size() + " taken as duplicates)");
        } catch (Exception e) {
            errors.put("webhook replay " + when, String.valueOf(e));
        }
    }

    /** NetSuite's customer payments against the ledger and what the driver paid. */
    private int verify(int payments, double seconds) throws Exception {
        // The ledger: each succeeded payment's customer and allocations.
        Map<String, Map<Long, BigDecimal>> ledger = new HashMap<>();
        Map<String, String> ledgerCustomer = new HashMap<>();
        try (Connection c = connect(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT p.public_id::text, o.netsuite_id, t.netsuite_id, a.amount"
                        + " FROM pay_payment p JOIN organization o ON o.id = p.organization_id"
                        + " JOIN pay_allocation a ON a.payment_id = p.id JOIN ns_transaction t ON t.id = a.invoice_id"
                        + " WHERE p.status = 'succeeded'")) {
            while (rs.next()) {
                ledger.computeIfAbsent(rs.getString(1), x -> new TreeMap<>()).put(rs.getLong(3),
                        rs.getBigDecimal(4).setScale(2, RoundingMode.UNNECESSARY));
                ledgerCustomer.put(rs.getString(1), rs.getString(2));
            }
        }
        // NetSuite: every customer payment written through the API.
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(sandbox + "/sandbox/payments")).build(),
                HttpResponse.BodyHandlers.ofString());
        Files.writeString(Path.of(System.getenv().getOrDefault("FAULT_STATE", "/tmp")).resolve("netsuite-payments.json"),
                r.body());
        Map<String, Map<Long, BigDecimal>> netsuite = new HashMap<>();
        Map<String, String> netsuiteCustomer = new HashMap<>();
        int portico = 0;
        int duplicates = 0;
        for (Map<String, Object> item : SandboxPayments.parse(r.body())) {
            String externalId = (String) item.get("externalId");
            if (externalId == null || !externalId.startsWith("portico-pay-")) {
                continue;
            }
            portico++;
            String publicId = externalId.substring("portico-pay-".length());
            @SuppressWarnings("unchecked")
            Map<Long, BigDecimal> applied = (Map<Long, BigDecimal>) item.get("applied");
            if (netsuite.put(publicId, applied) != null) {
                duplicates++;
            }
            netsuiteCustomer.put(publicId, (String) item.get("customer"));
        }
        int missing = 0;
        int mismatched = 0;
        List<String> examples = new ArrayList<>();
        for (Map.Entry<String, Map<Long, BigDecimal>> e : paid.entrySet()) {
            String id = e.getKey();
            Map<Long, BigDecimal> asked = scaled(e.getValue());
            if (!ledger.containsKey(id)) {
                mismatched++;
                examples.add(id + ": not succeeded in the ledger");
            } else if (!ledger.get(id).equals(asked)) {
                mismatched++;
                examples.add(id + ": ledger " + ledger.get(id) + ", paid " + asked);
            }
            if (!netsuite.containsKey(id)) {
                missing++;
                examples.add(id + ": no customer payment in NetSuite");
            } else if (!scaled(netsuite.get(id)).equals(asked) || !netsuiteCustomer.get(id).equals(
                    ledgerCustomer.get(id))) {
                mismatched++;
                examples.add(id + ": NetSuite " + netsuiteCustomer.get(id) + " " + netsuite.get(id) + ", ledger "
                        + ledgerCustomer.get(id) + " " + asked);
            }
        }
        int unexpected = 0;
        for (String id : netsuite.keySet()) {
            if (!paid.containsKey(id)) {
                unexpected++;
                examples.add(id + ": in NetSuite, not paid by this run");
            }
        }
        Map<String, Object> outbox = new LinkedHashMap<>();
        outbox.put("not posted", queryOne("SELECT count(*) FROM pay_writeback WHERE status <> 'posted'"));
        outbox.put("rows", queryOne("SELECT count(*) FROM pay_writeback"));
        outbox.put("retries", queryOne("SELECT coalesce(sum(attempts - 1), 0) FROM pay_writeback"));
        outbox.put("most tries", queryOne("SELECT coalesce(max(attempts), 0) FROM pay_writeback"));
        outbox.put("rows tried more than once (each read back by external id first)",
                queryOne("SELECT count(*) FROM pay_writeback WHERE attempts > 1"));
        int parts = 0;
        int several = 0;
        for (Map<Long, BigDecimal> p : paid.values()) {
            parts += p.size();
            several += p.size() > 1 ? 1 : 0;
        }

        System.out.println();
        System.out.println("=== write-back fault run ===");
        System.out.printf("payments asked           %d%n", payments);
        System.out.printf("payments made            %d (%d of several invoices, %d invoice amounts)%n", paid.size(),
                several, parts);
        System.out.printf("paid again               %d canceled unconfirmed (node killed before asking the processor)%n",
                paidAgain.get());
        System.out.printf("NetSuite customer pmts   %d with a Portico external id%n", portico);
        System.out.printf("duplicates               %d%n", duplicates);
        System.out.printf("missing                  %d%n", missing);
        System.out.printf("mismatched               %d%n", mismatched);
        System.out.printf("not from this run        %d%n", unexpected);
        System.out.printf("outbox                   %s%n", outbox);
        System.out.printf("faults injected          %d stretches: %s%n", faultsInjected.get(), faultLog);
        System.out.printf("webhooks replayed        %d (%d taken as duplicates)%n", replayed.get(),
                replayedDuplicates.get());
        System.out.printf("driver retries           %d requests sent again after no answer (the killed node)%n",
                httpRetries.get());
        System.out.printf("time                     %.0f s%n", seconds);
        System.out.printf("driver errors            %d%n", errors.size());
        errors.entrySet().stream().limit(10).forEach(e -> System.out.println("  " + e.getKey() + ": " + e.getValue()));
        examples.stream().limit(20).forEach(x -> System.out.println("  " + x));
        boolean ok = paid.size() == payments && portico == payments && duplicates == 0 && missing == 0
                && mismatched == 0 && unexpected == 0 && errors.isEmpty() && "0".equals(outbox.get("not posted"));
        System.out.println(ok ? "RESULT: OK" : "RESULT: DISCREPANCY");
        return ok ? 0 : 1;
    }

    private static Map<Long, BigDecimal> scaled(Map<Long, BigDecimal> amounts) {
        Map<Long, BigDecimal> out = new TreeMap<>();
        amounts.forEach((k, v) -> out.put(k, v.setScale(2, RoundingMode.HALF_UP)));
        return out;
    }

    /** Open invoices per organization, as the sync stored them. */
    private Map<Long, List<Invoice>> openInvoices() throws Exception {
        Map<Long, List<Invoice>> byOrg = new ConcurrentHashMap<>();
        try (Connection c = connect(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT organization_id, netsuite_id, amount_remaining FROM ns_transaction"
                        + " WHERE record_type = 'invoice' AND amount_remaining > 0 AND currency = 'USD'"
                        + " ORDER BY netsuite_id")) {
            while (rs.next()) {
                byOrg.computeIfAbsent(rs.getLong(1), x -> Collections.synchronizedList(new ArrayList<>()))
                        .add(new Invoice(rs.getLong(2), rs.getBigDecimal(3)));
            }
        }
        return byOrg;
    }

    private String quotedIds() {
        Set<String> ids = paid.keySet();
        return ids.isEmpty() ? "''" : "'" + String.join("','", ids) + "'";
    }

    /** A connection, waiting for one while the shared server has none free. */
    private Connection connect() throws Exception {
        for (int attempt = 0; ; attempt++) {
            try {
                return DriverManager.getConnection(jdbc, System.getenv("PORTICO_DB_USER"),
                        System.getenv("PORTICO_DB_PASSWORD"));
            } catch (java.sql.SQLException e) {
                if (attempt >= 30) {
                    throw e;
                }
                Thread.sleep(2_000);
            }
        }
    }

    private String queryOne(String sql) throws Exception {
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private static String snippet(HttpResponse<String> r) {
        String body = r.body().replaceAll("\\s+", " ");
        Matcher problem = Pattern.compile("class=\"(?:problem|error)[^\"]*\"[^>]*>(.{0,300})").matcher(body);
        return problem.find() ? problem.group(1) : body.substring(0, Math.min(300, body.length()));
    }

    private static void log(String message) {
        System.out.printf("[%tT] %s%n", System.currentTimeMillis(), message);
    }

    /** Reads /sandbox/payments without a JSON library: externalId, customer id, and the applied lines. */
    static final class SandboxPayments {

        static List<Map<String, Object>> parse(String json) {
            List<Map<String, Object>> out = new ArrayList<>();
            Object root = new Parser(json).value();
            @SuppressWarnings("unchecked")
            List<Object> items = (List<Object>) ((Map<String, Object>) root).get("items");
            for (Object o : items) {
                @SuppressWarnings("unchecked")
                Map<String, Object> p = (Map<String, Object>) o;
                Map<String, Object> row = new HashMap<>();
                row.put("externalId", p.get("externalId"));
                row.put("customer", String.valueOf(((Map<?, ?>) p.get("customer")).get("id")));
                Map<Long, BigDecimal> applied = new TreeMap<>();
                Object apply = p.get("apply");
                if (apply instanceof Map<?, ?> a && a.get("items") instanceof List<?> lines) {
                    for (Object l : lines) {
                        Map<?, ?> line = (Map<?, ?>) l;
                        if (Boolean.TRUE.equals(line.get("apply"))) {
                            applied.merge(Long.parseLong(String.valueOf(((Map<?, ?>) line.get("doc")).get("id"))),
                                    new BigDecimal(String.valueOf(line.get("amount"))), BigDecimal::add);
                        }
                    }
                }
                row.put("applied", applied);
                out.add(row);
            }
            return out;
        }
    }

    /** A small JSON reader: objects, arrays, strings, numbers (as text), booleans, null. */
    static final class Parser {
        private final String s;
        private int i;

        Parser(String s) {
            this.s = s;
        }

        Object value() {
            skip();
            char c = s.charAt(i);
            if (c == '{') {
                Map<String, Object> m = new LinkedHashMap<>();
                i++;
                skip();
                if (s.charAt(i) == '}') {
                    i++;
                    return m;
                }
                while (true) {
                    skip();
                    String key = string();
                    skip();
                    i++; // :
                    m.put(key, value());
                    skip();
                    if (s.charAt(i++) == '}') {
                        return m;
                    }
                }
            }
            if (c == '[') {
                List<Object> l = new ArrayList<>();
                i++;
                skip();
                if (s.charAt(i) == ']') {
                    i++;
                    return l;
                }
                while (true) {
                    l.add(value());
                    skip();
                    if (s.charAt(i++) == ']') {
                        return l;
                    }
                }
            }
            if (c == '"') {
                return string();
            }
            int start = i;
            while (i < s.length() && ",}] \n\r\t".indexOf(s.charAt(i)) < 0) {
                i++;
            }
            String word = s.substring(start, i);
            return switch (word) {
                case "true" -> Boolean.TRUE;
                case "false" -> Boolean.FALSE;
                case "null" -> null;
                default -> word;
            };
        }

        private String string() {
            StringBuilder b = new StringBuilder();
            i++;
            while (s.charAt(i) != '"') {
                char c = s.charAt(i++);
                if (c == '\\') {
                    char e = s.charAt(i++);
                    switch (e) {
                        case 'n' -> b.append('\n');
                        case 't' -> b.append('\t');
                        case 'r' -> b.append('\r');
                        case 'b' -> b.append('\b');
                        case 'f' -> b.append('\f');
                        case 'u' -> {
                            b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                            i += 4;
                        }
                        default -> b.append(e);
                    }
                } else {
                    b.append(c);
                }
            }
            i++;
            return b.toString();
        }

        private void skip() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }
    }
}
