package io.portico.pay.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.portico.netsuite.NetSuiteClient;
import io.portico.netsuite.NetSuiteException;
import io.portico.netsuite.RecordReadOptions;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes payments back to NetSuite from the outbox, exactly once: each becomes one customer payment for the
 * customer, applied to each paid invoice for the amount paid on it, carrying the external id
 * {@code portico-pay-<public id>}. Safe on every node at once (see {@link WritebackMapper#claim}).
 *
 * <p>Why a retry never posts twice: the customer payment is created by {@code POST} with the external id in its body,
 * and NetSuite keeps external ids unique per record type, so a second create is refused rather than duplicated. A
 * row tried before, whose outcome is unknown (a timeout, a dropped connection, a 5xx, a node killed mid-call), is
 * first read back by external id and adopted when found. An upsert ({@code PUT eid:}) is not used: on a retry it would
 * overwrite a customer payment the AR team may have adjusted in NetSuite since.
 *
 * <p>Once posted, each paid invoice's last-modified time and remaining balance are read back and kept on its
 * allocation: the synced invoice shows the payment once the sync brings that version or a later one, and only then
 * does the allocation stop holding the invoice's balance (see V605__pay_writeback.sql).
 *
 * <p>Reversal rows (a refund, or a bank return after the payment was posted) are handed to {@link NetSuiteReversal}.
 */
final class NetSuiteWriteback {

    private static final Logger LOG = LoggerFactory.getLogger(NetSuiteWriteback.class);
    static final String RECORD = "customerpayment";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** How many rows one round claims, how long a lease lasts and how retries back off. */
    record Options(int batch, Duration lease, Duration firstRetry, Duration maxRetry) {

        static Options defaults() {
            return new Options(20, Duration.ofMinutes(5), Duration.ofSeconds(30), Duration.ofHours(1));
        }

        /**
         * Exponential back-off: attempt n waits between half of and all of first × 2^(n-1), capped; the random half
         * keeps rows that failed together from coming back together.
         */
        Duration backoff(int attempts) {
            long first = firstRetry.toMillis();
            long ceiling = Math.min(maxRetry.toMillis(), first << Math.min(Math.max(attempts - 1, 0), 30));
            return Duration.ofMillis(ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1));
        }
    }

    private final SqlSessionFactory sessions;
    private final Supplier<Optional<NetSuiteClient>> clients;
    private final Options options;
    /** This worker's name on the leases it takes: unique per instance, so two workers of one node are two owners. */
    private final String owner;
    private final Map<String, String> currencyIds = new ConcurrentHashMap<>();
    private final NetSuiteReversal reversal = new NetSuiteReversal(this::currencyId);

    NetSuiteWriteback(SqlSessionFactory sessions, Supplier<Optional<NetSuiteClient>> clients, String node,
            Options options) {
        this.sessions = sessions;
        this.clients = clients;
        this.options = options;
        this.owner = node + "/" + UUID.randomUUID();
    }

    /**
     * One round: posts the due rows it can claim and marks the allocations the sync has caught up with.
     *
     * @return how many rows it worked on
     */
    int run() {
        List<WritebackJob> jobs;
        try (SqlSession session = sessions.openSession(true)) {
            WritebackMapper mapper = session.getMapper(WritebackMapper.class);
            mapper.markReflected();
            jobs = mapper.claim(owner, (int) options.lease().toSeconds(), options.batch());
        }
        for (WritebackJob job : jobs) {
            process(job);
        }
        return jobs.size();
    }

    private void process(WritebackJob job) {
        try (SqlSession session = sessions.openSession(true)) {
            WritebackMapper mapper = session.getMapper(WritebackMapper.class);
            try {
                Step step = step(job, mapper);
                switch (step.kind()) {
                    case POSTED -> mapper.posted(job.id(), owner);
                    case REVERSED -> mapper.reversed(job.id(), owner, step.netsuiteId(), step.reason());
                    case WAITING -> mapper.retryLater(job.id(), owner, step.reason(),
                            options.backoff(job.attempts()).toMillis());
                    case SKIPPED -> mapper.skip(job.id(), owner, step.reason());
                }
            } catch (NetSuiteException e) {
                if (retryable(e)) {
                    LOG.info("Write-back of {} will be retried: {}", job.externalId(), e.getMessage());
                    mapper.retryLater(job.id(), owner, netSuiteMessage(e),
                            options.backoff(job.attempts()).toMillis());
                } else {
                    LOG.warn("NetSuite refused the write-back of {}: {}", job.externalId(), e.getMessage());
                    mapper.stop(job.id(), owner, netSuiteMessage(e));
                }
            } catch (RuntimeException e) {
                LOG.warn("Write-back of {} failed; it will be retried", job.externalId(), e);
                mapper.retryLater(job.id(), owner, "Portico could not post the payment: " + e.getMessage(),
                        options.backoff(job.attempts()).toMillis());
            }
        }
    }

    /**
     * How a row's attempt ended, short of an error.
     *
     * @param reason why it waits or was skipped; for {@code REVERSED}, how ({@code void} or {@code customer_refund})
     * @param netsuiteId for {@code REVERSED}, the customer refund's internal id ({@code null} for a void)
     */
    record Step(Kind kind, String reason, String netsuiteId) {

        enum Kind {
            POSTED,
            /** A reversal was made in NetSuite. */
            REVERSED,
            /** Nothing is set up to post it with (no fault of the payment): try again later. */
            WAITING,
            /** The money went back before anything was posted: there is nothing to post. */
            SKIPPED
        }

        static final Step DONE = new Step(Kind.POSTED, null, null);

        static Step waiting(String reason) {
            return new Step(Kind.WAITING, reason, null);
        }

        static Step skipped(String reason) {
            return new Step(Kind.SKIPPED, reason, null);
        }
    }

    /** What every row needs (a NetSuite connection and the operator's settings), then its posting or reversal. */
    private Step step(WritebackJob job, WritebackMapper mapper) {
        Optional<NetSuiteClient> connected = clients.get();
        if (connected.isEmpty()) {
            return Step.waiting("No NetSuite connection is configured.");
        }
        WritebackSettings settings = mapper.settings(job.tenantId());
        if (settings == null) {
            return Step.waiting("Choose the NetSuite account that payments post to.");
        }
        return job.isReversal() ? reversal.reverse(job, mapper, connected.get(), settings)
                : post(job, mapper, connected.get(), settings);
    }

    /** Posts the row's customer payment unless it was posted before, and reads back its invoices. */
    private Step post(WritebackJob job, WritebackMapper mapper, NetSuiteClient client, WritebackSettings settings) {
        WritebackPosting posting = mapper.posting(job.paymentId());
        if (posting.customerNetsuiteId() == null) {
            return Step.waiting("The paying customer has no NetSuite id yet.");
        }
        List<Allocation> allocations = mapper.allocations(job.paymentId());
        String netsuiteId = job.netsuiteId();
        if (netsuiteId == null && job.attempts() > 1) {
            // an earlier try may have posted
            netsuiteId = findByExternalId(client, RECORD, job.externalId()).orElse(null);
        }
        if (netsuiteId == null && !LedgerStatus.KEPT.contains(posting.status())) {
            return Step.skipped("The payment was " + posting.status().replace('_', ' ')
                    + " before it was posted to NetSuite; nothing to post.");
        }
        if (netsuiteId == null) {
            netsuiteId = createOnce(client, RECORD, job.externalId(),
                    body(job, posting, allocations, settings, client));
        }
        mapper.setNetsuiteId(job.id(), owner, netsuiteId); // a reversal row of the payment, if any, follows it
        for (Allocation allocation : allocations) {
            ObjectNode invoice = client.getRecord("invoice", Long.toString(allocation.invoiceNetsuiteId()),
                    RecordReadOptions.fields("lastModifiedDate", "amountRemaining"));
            if (!invoice.path("amountRemaining").isNumber()) {
                throw new IllegalStateException("NetSuite gave invoice " + allocation.invoiceNetsuiteId()
                        + " no remaining balance");
            }
            mapper.recordApplied(job.paymentId(), allocation.invoiceNetsuiteId(),
                    Instant.parse(invoice.path("lastModifiedDate").asText()),
                    invoice.path("amountRemaining").decimalValue());
        }
        return Step.DONE;
    }

    /**
     * Creates a record that carries {@code externalId}; when NetSuite answers that the external id exists already
     * (an earlier try whose answer was lost), the existing record's id.
     */
    static String createOnce(NetSuiteClient client, String recordType, String externalId, JsonNode body) {
        try {
            return client.createRecord(recordType, body);
        } catch (NetSuiteException e) {
            if (e.status() / 100 == 4 && ("externalId".equals(e.errorPath())
                    || String.valueOf(e.detail()).toLowerCase(Locale.ROOT).contains("external id"))) {
                // It exists already: posted by a try whose answer was lost, and NetSuite was slow to show it.
                return findByExternalId(client, recordType, externalId).orElseThrow(() -> e);
            }
            throw e;
        }
    }

    static Optional<String> findByExternalId(NetSuiteClient client, String recordType, String externalId) {
        try {
            // The whole body: a record read with ?fields= need not carry its id.
            String id = client.getRecord(recordType, "eid:" + externalId, RecordReadOptions.bodyOnly()).path("id")
                    .asText("");
            if (id.isBlank()) {
                throw new NetSuiteException("GET " + recordType + "/eid:" + externalId, 200, null,
                        "NetSuite answered without the record's id", null, null);
            }
            return Optional.of(id);
        } catch (NetSuiteException e) {
            if (e.isNotFound()) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /**
     * The customer payment: the invoices' amounts only. A surcharge, a bank fee or a bank discount is not part of
     * what is applied to invoices; it is named in the memo and not posted (see README, "Payments in NetSuite").
     */
    private ObjectNode body(WritebackJob job, WritebackPosting posting, List<Allocation> allocations,
            WritebackSettings settings, NetSuiteClient client) {
        ObjectNode body = JSON.objectNode();
        body.put("externalId", job.externalId());
        body.set("customer", ref(posting.customerNetsuiteId()));
        body.set("currency", ref(currencyId(client, posting.currency())));
        body.set("account", ref(settings.accountId()));
        if (settings.paymentMethodId() != null) {
            body.set("paymentOption", ref(settings.paymentMethodId()));
        }
        body.put("tranDate", LocalDate.ofInstant(posting.receivedAt(), ZoneId.of(settings.timeZone())).toString());
        body.put("payment", posting.invoicesAmount());
        body.put("memo", memo(posting, settings.feeRecording()));
        body.put("toBeEmailed", false);
        var lines = body.putObject("apply").putArray("items");
        for (Allocation allocation : allocations) {
            ObjectNode line = lines.addObject();
            line.set("doc", ref(Long.toString(allocation.invoiceNetsuiteId())));
            line.put("apply", true);
            line.put("amount", allocation.amount());
        }
        return body;
    }

    /** The payment's references; with fee recording {@code memo}, its surcharge, bank fee or discount too. */
    static String memo(WritebackPosting posting, String feeRecording) {
        StringBuilder memo = new StringBuilder("Portico payment ").append(posting.publicId());
        if (posting.processorReference() != null) {
            memo.append(", ").append(posting.processor()).append(' ').append(posting.processorReference());
        }
        if (posting.methodKind() != null) {
            memo.append(", ").append("card".equals(posting.methodKind()) ? "card" : "bank account");
            if (posting.methodLast4() != null) {
                memo.append(" ending ").append(posting.methodLast4());
            }
        }
        if (WritebackSettings.FEES_MEMO.equals(feeRecording)) {
            appendFee(memo, "surcharge", posting.surcharge(), posting.currency());
            appendFee(memo, "bank fee", posting.bankFee(), posting.currency());
            appendFee(memo, "bank discount", posting.bankDiscount(), posting.currency());
        }
        return memo.length() > 999 ? memo.substring(0, 999) : memo.toString();
    }

    private static void appendFee(StringBuilder memo, String name, BigDecimal amount, String currency) {
        if (amount != null && amount.signum() > 0) {
            memo.append(", ").append(name).append(' ').append(amount.stripTrailingZeros().toPlainString()).append(' ')
                    .append(currency).append(" not posted");
        }
    }

    /** NetSuite's internal id of an ISO currency, asked once per worker. */
    String currencyId(NetSuiteClient client, String currency) {
        return currencyIds.computeIfAbsent(currency, code -> {
            String[] id = new String[1];
            // The code comes from the ledger, whose CHECK allows only three capital letters.
            client.suiteQl("SELECT id FROM currency WHERE symbol = '" + code + "' ORDER BY id", 1,
                    row -> id[0] = id[0] == null ? row.getString("id") : id[0]);
            if (id[0] == null) {
                throw new NetSuiteException("SuiteQL currency " + code, 404, "NONEXISTENT_ID",
                        "NetSuite has no currency " + code + ".", null, null);
            }
            return id[0];
        });
    }

    static ObjectNode ref(String id) {
        return JSON.objectNode().put("id", id);
    }

    /**
     * Whether trying again may succeed: no answer, throttling, NetSuite's own failures and a login NetSuite did not
     * accept (credentials being rotated). Any other 4xx is NetSuite refusing this payment.
     */
    static boolean retryable(NetSuiteException e) {
        int status = e.status();
        return status == 0 || status == 401 || status == 408 || status == 429 || status >= 500;
    }

    /** NetSuite's own words, with its error code; the client's explanation when no answer came. */
    static String netSuiteMessage(NetSuiteException e) {
        String detail = e.detail() == null || e.detail().isBlank() ? e.getMessage() : e.detail();
        if (e.status() == 0) {
            return "NetSuite did not answer: " + detail;
        }
        return detail + (e.errorCode() == null ? "" : " (" + e.errorCode() + ", HTTP " + e.status() + ")");
    }
}
