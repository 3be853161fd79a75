package io.portico.pay.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Param;

/**
 * The NetSuite write-back's outbox ({@code pay_writeback}, see V605__pay_writeback.sql). Workers touch only rows
 * they hold the lease of: every change names the {@code owner} that claimed the row, and changes nothing once
 * another node has taken it over.
 */
public interface WritebackMapper {

    /**
     * Leases up to {@code limit} due rows that no node holds (or whose lease ran out) to {@code owner} for
     * {@code leaseSeconds}, counting the attempt; rows another transaction is claiming are skipped, not waited for.
     */
    List<WritebackJob> claim(@Param("owner") String owner, @Param("leaseSeconds") int leaseSeconds,
            @Param("limit") int limit);

    /** What the customer payment is made of, or {@code null} when the payment is gone. */
    WritebackPosting posting(@Param("paymentId") long paymentId);

    /** The payment's allocations, by invoice NetSuite id. */
    List<Allocation> allocations(@Param("paymentId") long paymentId);

    /** The operator's write-back settings, or {@code null} when not set up. */
    WritebackSettings settings(@Param("tenantId") long tenantId);

    /** Creates or replaces the operator's write-back settings. */
    void saveSettings(WritebackSettings settings);

    /** The payment's posting row, or {@code null} when it has none. */
    PostingOutcome postingOf(@Param("paymentId") long paymentId);

    /** What the payment's reversals before row {@code id} took back in NetSuite. */
    BigDecimal reversedBefore(@Param("paymentId") long paymentId, @Param("id") long id);

    /** A reversal made: {@code reversedBy} {@code void} or {@code customer_refund} (then its id). */
    int reversed(@Param("id") long id, @Param("owner") String owner, @Param("netsuiteId") String netsuiteId,
            @Param("reversedBy") String reversedBy);

    int setNetsuiteId(@Param("id") long id, @Param("owner") String owner, @Param("netsuiteId") String netsuiteId);

    /** Keeps the invoice as NetSuite had it right after the customer payment was applied. */
    void recordApplied(@Param("paymentId") long paymentId, @Param("invoiceNetsuiteId") long invoiceNetsuiteId,
            @Param("modified") Instant modified, @Param("remaining") BigDecimal remaining);

    int posted(@Param("id") long id, @Param("owner") String owner);

    /** Back to pending, due again in {@code delayMillis}, with what went wrong. */
    int retryLater(@Param("id") long id, @Param("owner") String owner, @Param("error") String error,
            @Param("delayMillis") long delayMillis);

    /** Nothing to post: the money went back before anything was posted. */
    int skip(@Param("id") long id, @Param("owner") String owner, @Param("reason") String reason);

    /** Stopped with NetSuite's message, until an admin retries. */
    int stop(@Param("id") long id, @Param("owner") String owner, @Param("error") String error);

    /** Sets {@code reflected_at} of the allocations whose synced invoice shows their payment; returns how many. */
    int markReflected();

    /** The newest rows of a tenant ({@code null}: of every tenant), newest first, for reconciliation. */
    List<WritebackState> states(@Param("tenantId") Long tenantId, @Param("limit") int limit);

    /** A stopped row becomes due again at once; 0 when it was not stopped. */
    int retry(@Param("externalId") String externalId);
}
