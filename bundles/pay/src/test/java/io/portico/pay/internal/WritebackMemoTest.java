package io.portico.pay.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The customer payment's memo: its references always, its fees as the operator records them. */
class WritebackMemoTest {

    private static final WritebackPosting CARD = new WritebackPosting(1, "0b6c", "100", "USD",
            new BigDecimal("250.00"), new BigDecimal("6.25"), BigDecimal.ZERO, BigDecimal.ZERO, "stripe", "pi_1",
            "card", "4242", Instant.parse("2026-12-01T10:00:00Z"), "succeeded");

    @Test
    void feesAreNamedInTheMemoOnlyWhenTheOperatorRecordsThemThere() {
        assertEquals("Portico payment 0b6c, stripe pi_1, card ending 4242, surcharge 6.25 USD not posted",
                NetSuiteWriteback.memo(CARD, WritebackSettings.FEES_MEMO));
        assertEquals("Portico payment 0b6c, stripe pi_1, card ending 4242",
                NetSuiteWriteback.memo(CARD, WritebackSettings.FEES_NONE));
    }
}
