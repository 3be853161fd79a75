package io.portico.sandbox.data;

import java.util.Locale;
import java.util.Optional;

/** The record types the sandbox serves through {@code /record/v1}. */
public enum RecordType {
  CUSTOMER("customer", null, "Customer", -2),
  CONTACT("contact", null, "Contact", -6),
  VENDOR("vendor", null, "Vendor", -3),
  INVOICE("invoice", "CustInvc", "Invoice", -30),
  SALES_ORDER("salesorder", "SalesOrd", "Sales Order", -30),
  CUSTOMER_PAYMENT("customerpayment", "CustPymt", "Payment", -30),
  CREDIT_MEMO("creditmemo", "CustCred", "Credit Memo", -30),
  CUSTOMER_REFUND("customerrefund", "CustRfnd", "Customer Refund", -30),
  ITEM_FULFILLMENT("itemfulfillment", "ItemShip", "Item Fulfillment", -30);

  private final String restName;
  private final String transactionCode;
  private final String displayName;
  private final int recordTypeId;

  RecordType(String restName, String transactionCode, String displayName, int recordTypeId) {
    this.restName = restName;
    this.transactionCode = transactionCode;
    this.displayName = displayName;
    this.recordTypeId = recordTypeId;
  }

  /** Lower-case REST record name, as used in URLs and links. */
  public String restName() {
    return restName;
  }

  /** SuiteQL {@code transaction.type} code, e.g. {@code CustInvc}; null for entities. */
  public String transactionCode() {
    return transactionCode;
  }

  /** Label NetSuite puts in front of display values, e.g. "Invoice" in "Invoice : Open" or "Invoice #INV1001". */
  public String displayName() {
    return displayName;
  }

  /** NetSuite's internal record type id, as SuiteQL's {@code deletedrecord.recordtypeid} and system notes use it. */
  public int recordTypeId() {
    return recordTypeId;
  }

  public boolean isTransaction() {
    return transactionCode != null;
  }

  /** Record names in paths are matched case-insensitively ({@code salesOrder} and {@code salesorder} both work). */
  public static Optional<RecordType> fromRestName(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    for (RecordType t : values()) {
      if (t.restName.equals(lower)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }
}
