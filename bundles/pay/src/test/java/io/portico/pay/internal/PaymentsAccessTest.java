package io.portico.pay.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.portico.api.identity.DataScope;
import io.portico.api.web.ProblemException;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The payments lists' filters as pages, API and console take them: every bad value is a 400 naming it. */
class PaymentsAccessTest {

    private static final DataScope STAFF = new DataScope(1, null);
    private static final DataScope CUSTOMER = new DataScope(1, 5L);

    private static String refusal(DataScope scope, String customer, String status, String from, String to,
            String page, String size) {
        ProblemException e = assertThrows(ProblemException.class,
                () -> PaymentsAccess.filter(scope, customer, status, from, to, page, size));
        assertEquals(400, e.status());
        return e.detail();
    }

    @Test
    void staffFilterByCustomerStatusDatesAndPage() {
        PaymentFilter filter = PaymentsAccess.filter(STAFF, "7", "refunded", "2026-01-01", "2026-01-31", "3", "20");
        assertEquals(7L, filter.organizationId());
        assertEquals("refunded", filter.status());
        assertEquals(LocalDate.of(2026, 1, 31), filter.to());
        assertEquals(40, filter.offset());
        assertEquals(20, filter.limit());
        PaymentFilter none = PaymentsAccess.filter(CUSTOMER, null, "", " ", null, null, null);
        assertEquals(CUSTOMER, none.scope());
        assertEquals(PaymentsAccess.DEFAULT_SIZE, none.limit());
    }

    @Test
    void badValuesAreRefusedByName() {
        assertEquals("The customer filter is for the operator's staff.",
                refusal(CUSTOMER, "7", null, null, null, null, null));
        refusal(STAFF, "x", null, null, null, null, null);
        refusal(STAFF, null, "created", null, null, null, null); // an abandoned checkout is not a payment made
        assertEquals("The from date must be written YYYY-MM-DD.",
                refusal(STAFF, null, null, "2026-13-01", null, null, null));
        refusal(STAFF, null, null, "2026-02-01", "2026-01-01", null, null);
        refusal(STAFF, null, null, null, null, "0", null);
        refusal(STAFF, null, null, null, null, null, "201");
    }

    @Test
    void anIdThatIsNoUuidIsNotFound() {
        assertEquals(404, assertThrows(ProblemException.class, () -> PaymentsAccess.id("42")).status());
    }
}
