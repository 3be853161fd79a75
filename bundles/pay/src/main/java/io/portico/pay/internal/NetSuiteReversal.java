package io.portico.pay.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.portico.netsuite.NetSuiteClient;
import io.portico.netsuite.NetSuiteException;
import io.portico.netsuite.RecordReadOptions;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Takes back in NetSuite what a posted customer payment says the operator kept, once the money went back: a refund,
 * or a bank payment returned after it was posted. Each reversal is its own outbox row with its own external id
 * ({@code portico-refund-<payment>-<refund>}, {@code portico-return-<payment>}), made exactly once:
 * <ul>
 *   <li>{@code void} (the operator's choice, only when the whole payment goes back and nothing of it was reversed
 *       before): the customer payment is deleted, so its invoices owe again. A second delete finds it gone (404),
 *       which is the same outcome. NetSuite refusing (a closed period, a deposit that includes it) stops the row with
 *       NetSuite's message.</li>
 *   <li>{@code customer_refund} (the default, and every partial reversal): the customer payment's applications are
 *       lowered by the amount, newest invoice first, so that much of it is unapplied and its invoices owe that again;
 *       then a customer refund applied to the customer payment pays the amount out. Only the shortfall of the
 *       payment's unapplied amount is unapplied, so a retry after the first step does not unapply twice; the refund
 *       carries the row's external id and a try with an unknown outcome is read back by it before posting again.</li>
 * </ul>
 */
final class NetSuiteReversal {

    static final String REFUND_RECORD = "customerrefund";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final BiFunction<NetSuiteClient, String, String> currencyIds;

    /** @param currencyIds NetSuite's internal id of an ISO currency code */
    NetSuiteReversal(BiFunction<NetSuiteClient, String, String> currencyIds) {
        this.currencyIds = currencyIds;
    }

    NetSuiteWriteback.Step reverse(WritebackJob job, WritebackMapper mapper, NetSuiteClient client,
            WritebackSettings settings) {
        PostingOutcome posting = mapper.postingOf(job.paymentId());
        if (posting == null || posting.netsuiteId() == null) {
            return NetSuiteWriteback.Step.skipped("The payment was never posted to NetSuite; nothing to reverse.");
        }
        WritebackPosting payment = mapper.posting(job.paymentId());
        BigDecimal before = mapper.reversedBefore(job.paymentId(), job.id());
        BigDecimal amount = job.amount().min(payment.invoicesAmount().subtract(before));
        if (amount.signum() <= 0) {
            return NetSuiteWriteback.Step.skipped("The customer payment is reversed in full already.");
        }
        boolean whole = before.signum() == 0 && amount.compareTo(payment.invoicesAmount()) >= 0;
        if (whole && WritebackSettings.VOID.equals(settings.reversalMode())) {
            try {
                client.deleteRecord(NetSuiteWriteback.RECORD, posting.netsuiteId());
            } catch (NetSuiteException e) {
                if (!e.isNotFound()) {
                    throw e;
                }
                // Gone already: deleted by a try whose answer was lost, or by the AR team.
            }
            return new NetSuiteWriteback.Step(NetSuiteWriteback.Step.Kind.REVERSED, WritebackSettings.VOID, null);
        }
        String refundId = job.netsuiteId();
        if (refundId == null && job.attempts() > 1) {
            refundId = NetSuiteWriteback.findByExternalId(client, REFUND_RECORD, job.externalId()).orElse(null);
        }
        if (refundId == null) {
            unapply(client, posting.netsuiteId(), payment, mapper.allocations(job.paymentId()), amount);
            refundId = NetSuiteWriteback.createOnce(client, REFUND_RECORD, job.externalId(),
                    refundBody(job, payment, posting.netsuiteId(), amount, settings, client));
        }
        return new NetSuiteWriteback.Step(NetSuiteWriteback.Step.Kind.REVERSED, WritebackSettings.CUSTOMER_REFUND,
                refundId);
    }

    /**
     * Makes {@code amount} of the customer payment unapplied: only what its unapplied amount lacks, taken from the
     * invoices Portico applied it to, the last one first.
     */
    private static void unapply(NetSuiteClient client, String customerPaymentId, WritebackPosting payment,
            List<Allocation> allocations, BigDecimal amount) {
        ObjectNode current = client.getRecord(NetSuiteWriteback.RECORD, customerPaymentId,
                RecordReadOptions.expanded());
        BigDecimal missing = amount.subtract(current.path("unapplied").decimalValue());
        if (missing.signum() <= 0) {
            return; // an earlier try unapplied it already
        }
        Map<String, BigDecimal> applied = new HashMap<>();
        for (JsonNode line : current.path("apply").path("items")) {
            if (line.path("apply").asBoolean(true)) {
                applied.put(line.path("doc").path("id").asText(), line.path("amount").decimalValue());
            }
        }
        ObjectNode changes = JSON.objectNode();
        changes.set("customer", NetSuiteWriteback.ref(payment.customerNetsuiteId()));
        var lines = changes.putObject("apply").putArray("items");
        List<Allocation> newestFirst = new ArrayList<>(allocations);
        Collections.reverse(newestFirst);
        for (Allocation allocation : newestFirst) {
            String invoice = Long.toString(allocation.invoiceNetsuiteId());
            BigDecimal onInvoice = applied.getOrDefault(invoice, BigDecimal.ZERO);
            BigDecimal take = onInvoice.min(missing);
            if (take.signum() <= 0) {
                continue;
            }
            BigDecimal left = onInvoice.subtract(take);
            ObjectNode line = lines.addObject();
            line.set("doc", NetSuiteWriteback.ref(invoice));
            line.put("apply", left.signum() > 0);
            line.put("amount", left);
            missing = missing.subtract(take);
            if (missing.signum() == 0) {
                break;
            }
        }
        if (missing.signum() > 0) {
            throw new NetSuiteException("PATCH " + NetSuiteWriteback.RECORD + "/" + customerPaymentId, 400, null,
                    "Customer payment " + customerPaymentId + " no longer has " + amount.toPlainString() + " applied "
                    + "to the invoices Portico paid, so Portico cannot refund it; refund it in NetSuite by hand.", null,
                    null);
        }
        client.updateRecord(NetSuiteWriteback.RECORD, customerPaymentId, changes);
    }

    private ObjectNode refundBody(WritebackJob job, WritebackPosting payment, String customerPaymentId,
            BigDecimal amount, WritebackSettings settings, NetSuiteClient client) {
        ObjectNode body = JSON.objectNode();
        body.put("externalId", job.externalId());
        body.set("customer", NetSuiteWriteback.ref(payment.customerNetsuiteId()));
        body.set("currency", NetSuiteWriteback.ref(currencyIds.apply(client, payment.currency())));
        body.set("account", NetSuiteWriteback.ref(settings.accountId()));
        if (settings.paymentMethodId() != null) {
            body.set("paymentOption", NetSuiteWriteback.ref(settings.paymentMethodId()));
        }
        body.put("tranDate", LocalDate.now(ZoneId.of(settings.timeZone())).toString());
        body.put("memo", (job.refundId() == null ? "Bank return of Portico payment " : "Refund of Portico payment ")
                + payment.publicId());
        ObjectNode line = body.putObject("apply").putArray("items").addObject();
        line.set("doc", NetSuiteWriteback.ref(customerPaymentId));
        line.put("apply", true);
        line.put("amount", amount);
        return body;
    }
}
