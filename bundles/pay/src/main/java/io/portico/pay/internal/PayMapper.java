package io.portico.pay.internal;

import io.portico.api.identity.DataScope;
import io.portico.api.payment.PaymentMethodDetails;
import io.portico.api.payment.ProcessorEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.ibatis.annotations.Param;

/**
 * Pay's tables: the surcharge law table and the payment ledger. Every statement a customer's request can reach
 * takes their {@link DataScope}.
 */
public interface PayMapper {

    /** Every row of the surcharge law table, old and new: which one is in force depends on a payment's date. */
    List<SurchargeRule> surchargeRules();

    /**
     * The invoices among {@code invoiceIds} (NetSuite ids) in the scope, with what payments other than
     * {@code exceptPayment} hold of them.
     */
    List<InvoiceBalance> invoiceBalances(@Param("scope") DataScope scope, @Param("invoiceIds") List<Long> invoiceIds,
            @Param("exceptPayment") Long exceptPayment);

    /**
     * Locks the invoices' rows until the transaction ends, in id order so that two confirmations of overlapping
     * invoices cannot deadlock.
     */
    List<Long> lockInvoices(@Param("scope") DataScope scope, @Param("invoiceIds") List<Long> invoiceIds);

    /** Stores a new payment in status {@code created}; returns its id. */
    long insertPayment(Payment payment);

    void insertAllocation(@Param("paymentId") long paymentId, @Param("invoiceId") long invoiceId,
            @Param("amount") BigDecimal amount);

    void insertEvent(@Param("paymentId") long paymentId, @Param("status") String status,
            @Param("detail") String detail);

    Payment find(@Param("scope") DataScope scope, @Param("publicId") UUID publicId);

    List<Allocation> allocations(@Param("paymentId") long paymentId);

    /** Moves a payment from {@code from} to {@code to}; 0 when it was no longer in {@code from}. */
    int changeStatus(@Param("id") long id, @Param("from") String from, @Param("to") String to,
            @Param("failureReason") String failureReason);

    void recordFees(@Param("id") long id, @Param("fees") FeeDecision fees, @Param("total") BigDecimal total,
            @Param("method") PaymentMethodDetails method);

    /** The tenant's Pay settings, or {@code null} when never saved. */
    PaySettings settings(@Param("tenantId") long tenantId);

    void saveSettings(PaySettings settings);

    boolean exempt(@Param("tenantId") long tenantId, @Param("organizationId") long organizationId);

    /** Sets the processor's id of a prepared payment, once. */
    void setProcessorReference(@Param("id") long id, @Param("reference") String reference);

    Payment findByReference(@Param("processor") String processor, @Param("reference") String reference);

    /** Records the processor's state: the status, a failure reason, refunds; fees are zeroed when it never paid. */
    int recordState(@Param("id") long id, @Param("from") String from, @Param("to") String to,
            @Param("failureReason") String failureReason, @Param("refunded") BigDecimal refunded,
            @Param("method") PaymentMethodDetails method);

    /** Stores a verified webhook event; 0 when it was stored before (a redelivery). */
    int insertWebhookEvent(@Param("processor") String processor, @Param("event") ProcessorEvent event);

    /** Locks up to {@code limit} unprocessed events no other node is working on, oldest first. */
    List<WebhookEvent> claimWebhookEvents(@Param("limit") int limit);

    void webhookEventDone(@Param("processor") String processor, @Param("eventId") String eventId,
            @Param("error") String error);

    /** Payments whose outcome is open and that nothing has updated for {@code minutes}: ask the processor. */
    List<Payment> stalePayments(@Param("minutes") int minutes, @Param("limit") int limit);

    /** Locks up to {@code limit} status changes a payer is still to be told about. */
    List<PaymentNotice> claimNotices(@Param("limit") int limit);

    void noticeSent(@Param("eventId") long eventId);

    /** The emails of the operator's active owners and admins (the tenant is the operator's organization). */
    List<String> operatorAdminEmails(@Param("tenantId") long tenantId);

    Payment findById(@Param("id") long id);

    /** Stores a payment link (only its token's SHA-256); returns its id. */
    long insertLink(@Param("tenantId") long tenantId, @Param("organizationId") long organizationId,
            @Param("tokenSha256") byte[] tokenSha256, @Param("invoiceIds") List<Long> invoiceIds,
            @Param("createdBy") Long createdBy, @Param("expiresAt") Instant expiresAt);

    /** The link whose token hashes to {@code tokenSha256}, revoked and expired ones included; {@code null} if none. */
    PayLink linkByHash(@Param("tokenSha256") byte[] tokenSha256);

    void linkOpened(@Param("id") long id);

    /** The scope's links, newest first, optionally of one customer. */
    List<PayLink> links(@Param("scope") DataScope scope, @Param("organizationId") Long organizationId,
            @Param("limit") int limit);

    PayLink link(@Param("scope") DataScope scope, @Param("id") long id);

    /** Revokes a link of the scope; 0 when there is none or it was revoked before. */
    int revokeLink(@Param("scope") DataScope scope, @Param("id") long id);

    /**
     * What Portico payments not yet in NetSuite's balance hold of each of the scope's invoices among
     * {@code invoiceIds}, whether any of them is still processing, and whether the invoice's latest payment made here
     * was a bank debit the bank returned; invoices with neither are left out.
     */
    List<InFlight> inFlight(@Param("scope") DataScope scope, @Param("invoiceIds") List<Long> invoiceIds);

    // Settings > Pay, the payments views, refunds.

    /** The customers exempt from surcharges and fees. */
    List<Long> exemptions(@Param("tenantId") long tenantId);

    /** Replaces the exemptions with {@code organizationIds} (customers of the tenant only). */
    void clearExemptions(@Param("tenantId") long tenantId);

    void insertExemptions(@Param("tenantId") long tenantId, @Param("organizationIds") List<Long> organizationIds);

    /** How many of {@code organizationIds} are customer organizations of the tenant. */
    int countCustomers(@Param("tenantId") long tenantId, @Param("organizationIds") List<Long> organizationIds);

    /**
     * Appends to the audit log in the caller's transaction, so that a settings change and its entry are stored
     * together or not at all (identity offers no API to write the log from another bundle).
     */
    void insertAudit(@Param("tenantId") long tenantId, @Param("userId") Long userId, @Param("actor") String actor,
            @Param("action") String action, @Param("subject") String subject, @Param("detail") String detailJson);

    List<PaymentRow> payments(@Param("filter") PaymentFilter filter);

    long countPayments(@Param("filter") PaymentFilter filter);

    PaymentRow paymentRow(@Param("scope") DataScope scope, @Param("publicId") UUID publicId);

    /** The payment's row, for the platform's own work (no scope: the id comes from the ledger, never a request). */
    PaymentRow paymentRowById(@Param("id") long id);

    /** The payment's row, locked until the transaction ends: refunds of one payment take turns. */
    PaymentRow lockPaymentRow(@Param("id") long id);

    List<PaymentEvent> events(@Param("paymentId") long paymentId);

    List<Refund> refunds(@Param("paymentId") long paymentId);

    /** Refunds asked and not settled: they count against what is left to refund. */
    BigDecimal pendingRefunds(@Param("paymentId") long paymentId);

    /** Stores a refund in status {@code pending}; returns its id. */
    long insertRefund(@Param("paymentId") long paymentId, @Param("amount") BigDecimal amount,
            @Param("reason") String reason, @Param("userId") Long userId);

    /** Records the processor's answer to a refund still pending; 0 when another node recorded one first. */
    int refundAnswered(@Param("id") long id, @Param("status") String status,
            @Param("reference") String reference, @Param("failureReason") String failureReason);

    /** Payments with refunds the processor answered pending, untouched for {@code minutes}: to ask about again. */
    List<Long> awaitingRefunds(@Param("minutes") int minutes, @Param("limit") int limit);

    /**
     * Counts a settled refund in the payment's refunded amount (never twice: a webhook may have brought the
     * processor's total first); its status becomes refunded or partially refunded. Returns it, or {@code null} when
     * the refund was counted already.
     */
    String addRefunded(@Param("id") long id);

    /** Writes the payment's NetSuite write-back outbox row, once: a second call changes nothing. */
    void enqueueWriteback(@Param("paymentId") long paymentId);

    /** Marks the payment's posting skipped when no worker has tried it yet; changes nothing otherwise. */
    void cancelUntriedPosting(@Param("paymentId") long paymentId, @Param("reason") String reason);

    /**
     * Writes a reversal of the payment's customer payment into the outbox, once per refund ({@code refundId}) or per
     * failure ({@code null}); nothing when the payment was never to be posted or nothing is left to reverse.
     */
    void enqueueReversal(@Param("paymentId") long paymentId, @Param("refundId") Long refundId);
}
