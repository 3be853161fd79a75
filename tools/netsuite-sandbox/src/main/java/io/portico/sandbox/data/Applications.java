package io.portico.sandbox.data;

import com.fasterxml.jackson.databind.JsonNode;
import io.portico.sandbox.errors.NetSuiteException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes the {@code apply} sublist of customer payments and credit memos. Lines are keyed by the applied invoice:
 * {@code apply:true} with an amount sets that invoice's applied amount (so sending the same body twice changes
 * nothing), {@code apply:false} or amount 0 un-applies it. Only open invoices of the same customer can be applied,
 * never more than they still owe.
 */
final class Applications {

  /** NetSuite's answer when a line names a document that is not in the (static) apply sublist. */
  static final String NOT_IN_SUBLIST = "You have attempted an invalid sublist or line item operation. You are either"
      + " trying to access a field on a non-existent line or you are trying to add or remove lines from a static"
      + " sublist.";

  private final Store store;
  private final BodyParser parser;

  Applications(Store store, BodyParser parser) {
    this.store = store;
    this.parser = parser;
  }

  void write(RecordData doc, Ref customer, JsonNode sublist, boolean replace) {
    JsonNode items = LineItems.itemsOf(sublist, "apply");
    Map<Long, Map<String, Object>> byInvoice = new LinkedHashMap<>();
    if (!replace) {
      for (Map<String, Object> line : doc.sublist("apply")) {
        byInvoice.put(((Ref) line.get("doc")).id(), line);
      }
    }
    Map<Long, BigDecimal> previous = new LinkedHashMap<>();
    doc.sublist("apply").forEach(l -> previous.put(((Ref) l.get("doc")).id(), (BigDecimal) l.get("amount")));

    for (int i = 0; i < items.size(); i++) {
      JsonNode item = items.get(i);
      String path = "apply.items[" + i + "]";
      if (!item.hasNonNull("doc")) {
        throw NetSuiteException.userError("Please enter value(s) for: Applied To", path + ".doc");
      }
      long invoiceId = docId(item.get("doc"), path + ".doc");
      boolean apply = !item.has("apply") || parser.bool(item.get("apply"), path + ".apply");
      BigDecimal amount = item.hasNonNull("amount") ? parser.decimal(item.get("amount"), path + ".amount") : null;
      RecordData invoice = applicableInvoice(invoiceId, customer, path + ".doc");
      if (!apply || (amount != null && amount.signum() == 0)) {
        byInvoice.remove(invoiceId);
        continue;
      }
      BigDecimal due = store.amountRemaining(invoice).add(previous.getOrDefault(invoiceId, BigDecimal.ZERO));
      if (due.signum() <= 0) {
        throw NetSuiteException.userError(NOT_IN_SUBLIST, path + ".doc");
      }
      if (amount == null) {
        amount = due;
      }
      if (amount.signum() < 0) {
        throw NetSuiteException.invalidContent("The applied amount must be a positive number.", path + ".amount");
      }
      if (amount.compareTo(due) > 0) {
        throw NetSuiteException.userError("The amount applied to " + store.displayName(invoice) + " ("
            + amount.toPlainString() + ") exceeds its amount due (" + due.toPlainString() + ").", path + ".amount");
      }
      if (!sameCurrency(doc, invoice)) {
        throw NetSuiteException.userError("The currency of " + store.displayName(invoice)
            + " differs from the currency of this transaction.", path + ".doc");
      }
      byInvoice.put(invoiceId, line(invoice, amount));
    }
    List<Map<String, Object>> lines = new ArrayList<>(byInvoice.values());
    for (int n = 0; n < lines.size(); n++) {
      lines.get(n).put("line", n);
    }
    doc.setSublist("apply", lines);
  }

  static BigDecimal totalApplied(RecordData doc) {
    return doc.sublist("apply").stream().map(l -> (BigDecimal) l.get("amount"))
        .reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  private long docId(JsonNode docNode, String path) {
    JsonNode idNode = docNode.isObject() ? docNode.get("id") : docNode;
    try {
      return Long.parseLong(idNode == null ? "" : idNode.asText().trim());
    } catch (NumberFormatException e) {
      throw BodyParser.invalidFieldValue(idNode == null ? "" : idNode.asText(), path);
    }
  }

  /** The invoice, if it belongs in this customer's apply sublist; NetSuite only lists the customer's invoices. */
  private RecordData applicableInvoice(long invoiceId, Ref customer, String path) {
    Optional<RecordData> invoice = store.base(RecordType.INVOICE, invoiceId);
    Ref entity = invoice.map(inv -> inv.ref("entity")).orElse(null);
    if (entity == null || customer == null || entity.id() != customer.id()) {
      throw NetSuiteException.userError(NOT_IN_SUBLIST, path);
    }
    return invoice.get();
  }

  private static boolean sameCurrency(RecordData doc, RecordData invoice) {
    Ref a = doc.ref("currency");
    Ref b = invoice.ref("currency");
    return a == null || b == null || a.id() == b.id();
  }

  private static Map<String, Object> line(RecordData invoice, BigDecimal amount) {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("apply", true);
    line.put("amount", amount);
    line.put("doc", new Ref("invoice", invoice.id()));
    line.put("applyDate", invoice.date("tranDate"));
    line.put("refNum", invoice.string("tranId"));
    line.put("total", invoice.decimal("total"));
    line.put("type", "Invoice");
    return line;
  }
}
