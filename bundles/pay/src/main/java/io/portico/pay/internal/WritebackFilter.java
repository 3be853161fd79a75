package io.portico.pay.internal;

import java.time.LocalDate;

/**
 * Which write-backs reconciliation lists, newest first; always one tenant's.
 *
 * @param state only this state ({@link Reconciliation#STATES}), or {@code null}
 * @param organizationId only this customer's payments, or {@code null}
 * @param from written on or after this day (UTC), or {@code null}
 * @param to written on or before this day (UTC), or {@code null}
 */
public record WritebackFilter(long tenantId, String state, Long organizationId, LocalDate from, LocalDate to,
        int offset, int limit) {
}
