package io.portico.pay.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.portico.api.records.Record;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How an invoice reads with the payments made here: held, processing, paid, or its bank debit returned. */
class PaymentsInFlightTest {

    private static Record invoice(String remaining) {
        return invoice("open", remaining);
    }

    private static Record invoice(String status, String remaining) {
        return new Record("invoice", 101, 7L, "Acme", "INV-101", null, null, null, status, new BigDecimal("500.00"),
                new BigDecimal(remaining), "USD", null, Map.of());
    }

    @Test
    void anInvoiceWithoutPaymentsHereIsAsNetSuiteHasIt() {
        Record invoice = invoice("500.00");
        assertSame(invoice, PaymentsInFlight.adjusted(invoice, null));
    }

    @Test
    void aBankDebitInFlightReadsProcessingAndLowersTheAmountDue() {
        Record adjusted = PaymentsInFlight.adjusted(invoice("500.00"),
                new InFlight(101, new BigDecimal("500.00"), true, false));
        assertEquals("payment-processing", adjusted.status());
        assertEquals(0, adjusted.amountRemaining().signum());
    }

    @Test
    void aReturnedBankDebitReadsFailedWhileTheInvoiceOwesWhatItDid() {
        Record adjusted = PaymentsInFlight.adjusted(invoice("500.00"), returned());
        assertEquals("payment-failed", adjusted.status());
        assertEquals(0, new BigDecimal("500.00").compareTo(adjusted.amountRemaining()));
        Record partlyPaidBefore = PaymentsInFlight.adjusted(invoice("500.00"),
                new InFlight(101, new BigDecimal("100.00"), false, true));
        assertEquals("payment-failed", partlyPaidBefore.status(), "the latest payment is the one that failed");
        assertEquals(0, new BigDecimal("400.00").compareTo(partlyPaidBefore.amountRemaining()));
    }

    @Test
    void aReturnedBankDebitIsForgottenOnceTheInvoiceIsPaid() {
        assertEquals("paid", PaymentsInFlight.adjusted(invoice("500.00"),
                new InFlight(101, new BigDecimal("500.00"), false, true)).status());
        assertEquals("paid", PaymentsInFlight.adjusted(invoice("paid", "0"), returned()).status(),
                "paid in NetSuite since");
    }

    /** An invoice that payments made here no longer hold: its latest one was a bank debit the bank returned. */
    private static InFlight returned() {
        return new InFlight(101, null, false, true);
    }
}
