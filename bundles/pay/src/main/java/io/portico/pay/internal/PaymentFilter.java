package io.portico.pay.internal;

import io.portico.api.identity.DataScope;
import java.time.LocalDate;

/**
 * Which payments a list shows, newest first.
 *
 * @param scope whose payments: a customer's own, or the whole tenant for operator staff
 * @param organizationId only this customer's (staff filter), or {@code null}
 * @param status only this ledger status, or {@code null}
 * @param from made on or after this day (UTC), or {@code null}
 * @param to made on or before this day (UTC), or {@code null}
 */
record PaymentFilter(DataScope scope, Long organizationId, String status, LocalDate from, LocalDate to, int offset,
        int limit) {
}
