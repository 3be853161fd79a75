package io.portico.api.payment;

/** How a card is funded, as its issuer reports it. Only {@link #CREDIT} cards may ever carry a surcharge. */
public enum CardFunding {
    CREDIT, DEBIT, PREPAID, UNKNOWN
}
