package io.portico.sandbox.data;

import java.util.Optional;

/**
 * Transaction statuses. REST shows the display text in both {@code status.id} and {@code status.refName} (as real
 * responses do); SuiteQL's {@code transaction.status} holds the letter and {@code BUILTIN.DF(status)} gives
 * "Invoice : Open".
 */
public enum TransactionStatus {
  INVOICE_OPEN(RecordType.INVOICE, "A", "Open"),
  INVOICE_PAID_IN_FULL(RecordType.INVOICE, "B", "Paid In Full"),
  SALES_ORDER_PENDING_APPROVAL(RecordType.SALES_ORDER, "A", "Pending Approval"),
  SALES_ORDER_PENDING_FULFILLMENT(RecordType.SALES_ORDER, "B", "Pending Fulfillment"),
  SALES_ORDER_PARTIALLY_FULFILLED(RecordType.SALES_ORDER, "D", "Partially Fulfilled"),
  SALES_ORDER_PENDING_BILLING(RecordType.SALES_ORDER, "F", "Pending Billing"),
  SALES_ORDER_BILLED(RecordType.SALES_ORDER, "G", "Billed"),
  SALES_ORDER_CLOSED(RecordType.SALES_ORDER, "H", "Closed"),
  PAYMENT_NOT_DEPOSITED(RecordType.CUSTOMER_PAYMENT, "B", "Not Deposited"),
  PAYMENT_DEPOSITED(RecordType.CUSTOMER_PAYMENT, "C", "Deposited"),
  CREDIT_MEMO_OPEN(RecordType.CREDIT_MEMO, "A", "Open"),
  CREDIT_MEMO_FULLY_APPLIED(RecordType.CREDIT_MEMO, "B", "Fully Applied"),
  ITEM_FULFILLMENT_PICKED(RecordType.ITEM_FULFILLMENT, "A", "Picked"),
  ITEM_FULFILLMENT_PACKED(RecordType.ITEM_FULFILLMENT, "B", "Packed"),
  ITEM_FULFILLMENT_SHIPPED(RecordType.ITEM_FULFILLMENT, "C", "Shipped");

  private final RecordType type;
  private final String letter;
  private final String label;

  TransactionStatus(RecordType type, String letter, String label) {
    this.type = type;
    this.letter = letter;
    this.label = label;
  }

  public RecordType type() {
    return type;
  }

  /** SuiteQL code, e.g. {@code A}. */
  public String letter() {
    return letter;
  }

  /** REST text, e.g. {@code Open}. */
  public String label() {
    return label;
  }

  /** SuiteQL display value, e.g. {@code Invoice : Open}. */
  public String displayValue() {
    return type.displayName() + " : " + label;
  }

  /** Finds a status of {@code type} by REST text or letter, as NetSuite accepts either on write. */
  public static Optional<TransactionStatus> find(RecordType type, String idOrLabel) {
    for (TransactionStatus s : values()) {
      if (s.type == type && (s.label.equalsIgnoreCase(idOrLabel) || s.letter.equalsIgnoreCase(idOrLabel))) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }
}
