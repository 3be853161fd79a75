package io.portico.pay.internal;

import java.util.List;
import org.apache.ibatis.annotations.Param;

/**
 * The outbox of pay-now links in NetSuite invoices ({@code pay_invoice_link}, V607). Like {@link WritebackMapper},
 * workers change only rows they hold the lease of.
 */
public interface PayLinkMapper {

    /** A leased row, with what the worker needs to write NetSuite's field. */
    record Job(long invoiceId, long tenantId, String action, Long linkId, int attempts, long invoiceNetsuiteId,
            String field) {
    }

    /**
     * Queues a link for each open invoice of a tenant with a link field that synced since the field was set and has
     * no row yet; returns how many.
     */
    int enqueueNew();

    /**
     * Queues a link for every open invoice of the tenant without one, and again for those NetSuite refused (on
     * request); returns how many.
     */
    int enqueueAll(@Param("tenantId") long tenantId);

    /** Queues clearing the field of invoices that were paid (or deleted) since their link was queued. */
    int enqueueClears();

    /** Queues a new link for open invoices whose link runs out within {@code days} days. */
    int enqueueRenewals(@Param("days") int days);

    List<Job> claim(@Param("owner") String owner, @Param("leaseSeconds") int leaseSeconds, @Param("limit") int limit);

    /** NetSuite's field says what the row wanted; {@code linkId} is the link it carries now, if any. */
    int done(@Param("invoiceId") long invoiceId, @Param("owner") String owner, @Param("linkId") Long linkId);

    int retryLater(@Param("invoiceId") long invoiceId, @Param("owner") String owner, @Param("error") String error,
            @Param("delayMillis") long delayMillis);

    int stop(@Param("invoiceId") long invoiceId, @Param("owner") String owner, @Param("error") String error);

    /**
     * Sets the field invoices get their link in ({@code null}: none); invoices synced from now on get one.
     *
     * @return 0 when the operator has no write-back settings yet
     */
    int setField(@Param("tenantId") long tenantId, @Param("field") String field);

    /** The tenant's link field, or {@code null}. */
    String field(@Param("tenantId") long tenantId);
}
