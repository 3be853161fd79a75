package io.portico.pay.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portico.api.records.FirstRunStep.State;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** "Connect payments" ticks itself once Pay is on, not when a processor is merely chosen. */
class FirstRunPaymentsTest {

    private static PaySettings settings(boolean enabled, String processor) {
        return new PaySettings(1, enabled, processor, processor == null ? null : "acct_1", BigDecimal.ZERO, null,
                false, false, BigDecimal.ZERO, BigDecimal.ZERO, true, BigDecimal.ZERO);
    }

    @Test
    void doneOnlyOncePayIsOn() {
        State none = FirstRunPayments.state(PaySettings.defaults(1));
        assertFalse(none.done());
        assertTrue(none.detail().startsWith("Connect a payment processor"), none.detail());
        State connected = FirstRunPayments.state(settings(false, "stripe"));
        assertFalse(connected.done());
        assertTrue(connected.detail().contains("turn Pay on"), connected.detail());
        State on = FirstRunPayments.state(settings(true, "stripe"));
        assertTrue(on.done());
        assertEquals("/admin/pay", on.href());
    }
}
