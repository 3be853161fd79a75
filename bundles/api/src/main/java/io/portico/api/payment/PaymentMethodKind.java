package io.portico.api.payment;

/** The kinds of payment method Pay offers. */
public enum PaymentMethodKind {
    /** A payment card (credit, debit or prepaid). */
    CARD,
    /** A US bank account, debited through ACH: the money arrives days after confirming. */
    US_BANK_ACCOUNT
}
