package io.portico.plugins.paysandbox.internal;

import io.portico.api.payment.CardFunding;
import io.portico.api.payment.PaymentMethodKind;
import java.util.Arrays;
import java.util.Optional;

/**
 * The card and bank account numbers the sandbox accepts, and what each one does. Any other number is refused at
 * entry, so the sandbox never holds real payment data. The element shows this list to payers.
 */
enum TestNumbers {

    VISA_CREDIT("4242424242424242", PaymentMethodKind.CARD, CardFunding.CREDIT, Outcome.SUCCEED,
            "Visa credit: succeeds", null),
    VISA_DEBIT("4000056655665556", PaymentMethodKind.CARD, CardFunding.DEBIT, Outcome.SUCCEED,
            "Visa debit: succeeds", null),
    VISA_PREPAID("4000050000000019", PaymentMethodKind.CARD, CardFunding.PREPAID, Outcome.SUCCEED,
            "Visa prepaid: succeeds", null),
    DECLINED("4000000000000002", PaymentMethodKind.CARD, CardFunding.CREDIT, Outcome.FAIL,
            "Declined", "Your card was declined."),
    INSUFFICIENT_FUNDS("4000000000009995", PaymentMethodKind.CARD, CardFunding.CREDIT, Outcome.FAIL,
            "Declined: insufficient funds", "Your card has insufficient funds."),
    THREE_D_SECURE("4000000000003220", PaymentMethodKind.CARD, CardFunding.CREDIT, Outcome.CHALLENGE,
            "Visa credit: asks for 3-D Secure authentication", null),
    BANK_SETTLES("000123456789", PaymentMethodKind.US_BANK_ACCOUNT, CardFunding.UNKNOWN, Outcome.SETTLE,
            "Bank account: processing, then succeeds", null),
    BANK_RETURNED("000111111113", PaymentMethodKind.US_BANK_ACCOUNT, CardFunding.UNKNOWN, Outcome.RETURN,
            "Bank account: processing, then returned", "The bank returned the payment: account closed.");

    /** The routing number of the sandbox's test bank; bank payments need it. */
    static final String ROUTING_NUMBER = "110000000";
    static final String BANK_NAME = "Sandbox Test Bank";
    static final String CARD_BRAND = "visa";
    /** Why a 3-D Secure challenge that the payer failed declines the payment. */
    static final String AUTHENTICATION_FAILED = "We could not authenticate your card. Try again or use another card.";

    /** What confirming with a number does. */
    enum Outcome {
        /** Succeeds at once. */
        SUCCEED,
        /** Declined at once. */
        FAIL,
        /** Asks the payer to authenticate first (3-D Secure). */
        CHALLENGE,
        /** Processing, then succeeds once the bank settles. */
        SETTLE,
        /** Processing, then fails once the bank returns it. */
        RETURN
    }

    final String number;
    final PaymentMethodKind kind;
    final CardFunding funding;
    final Outcome outcome;
    final String label;
    final String failureReason;

    TestNumbers(String number, PaymentMethodKind kind, CardFunding funding, Outcome outcome, String label,
            String failureReason) {
        this.number = number;
        this.kind = kind;
        this.funding = funding;
        this.outcome = outcome;
        this.label = label;
        this.failureReason = failureReason;
    }

    static Optional<TestNumbers> find(PaymentMethodKind kind, String number) {
        return Arrays.stream(values()).filter(n -> n.kind == kind && n.number.equals(number)).findFirst();
    }

    String last4() {
        return number.substring(number.length() - 4);
    }
}
