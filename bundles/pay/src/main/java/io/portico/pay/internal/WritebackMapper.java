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

    /** A page of the tenant's write-backs for reconciliation, newest first. */
    List<WritebackRow> rows(@Param("filter") WritebackFilter filter);

    long countRows(@Param("filter") WritebackFilter filter);

    /** One of the tenant's write-backs by its external id, or {@code null}. */
    WritebackRow row(@Param("tenantId") long tenantId, @Param("externalId") String externalId);

    /** A stopped, unresolved row of the tenant becomes due again at once; 0 when there is none. */
    int retry(@Param("tenantId") long tenantId, @Param("externalId") String externalId);

    /** A stopped, unresolved row of the tenant is marked made in NetSuite by hand; 0 when there is none. */
    int resolve(@Param("tenantId") long tenantId, @Param("externalId") String externalId, @Param("by") String by,
            @Param("note") String note);

    /**
     * How many of the tenant's write-backs still wait (pending, or stopped and not resolved) since longer than the
     * operator's threshold ({@code warn_after_minutes}, 60 without settings).
     */
    long overdue(@Param("tenantId") long tenantId);

    /** The operator's threshold in minutes. */
    int warnAfterMinutes(@Param("tenantId") long tenantId);
}
