package io.portico.sandbox.data;

import com.fasterxml.jackson.databind.JsonNode;
import io.portico.sandbox.errors.NetSuiteException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the {@code apply} sublist of a customer refund: the customer's payments (and the money of each that is not
 * applied to invoices) it pays back. A payment whose money is all applied is not in the sublist, as in NetSuite: to
 * refund it, lower its applications first.
 */
final class RefundLines {

  private final Store store;
  private final BodyParser parser;

  RefundLines(Store store, BodyParser parser) {
    this.store = store;
    this.parser = parser;
  }

  void write(RecordData refund, Ref customer, JsonNode sublist) {
    JsonNode items = LineItems.itemsOf(sublist, "apply");
    List<Map<String, Object>> lines = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      JsonNode item = items.get(i);
      String path = "apply.items[" + i + "]";
      if (!item.hasNonNull("doc")) {
        throw NetSuiteException.userError("Please enter value(s) for: Applied To", path + ".doc");
      }
      if (item.has("apply") && !parser.bool(item.get("apply"), path + ".apply")) {
        continue;
      }
      Ref doc = parser.reference(RecordType.CUSTOMER_PAYMENT.restName(), item.get("doc"), path + ".doc");
      RecordData payment = store.base(RecordType.CUSTOMER_PAYMENT, doc.id())
          .filter(p -> p.ref("customer") != null && p.ref("customer").id() == customer.id())
          .orElseThrow(() -> NetSuiteException.userError(Applications.NOT_IN_SUBLIST, path + ".doc"));
      BigDecimal available = payment.decimal("payment").subtract(Applications.totalApplied(payment))
          .subtract(store.refundedFrom(payment.id(), refund.id()));
      if (available.signum() <= 0) {
        throw NetSuiteException.userError(Applications.NOT_IN_SUBLIST, path + ".doc");
      }
      BigDecimal amount = item.hasNonNull("amount") ? parser.decimal(item.get("amount"), path + ".amount") : available;
      if (amount.signum() <= 0) {
        throw NetSuiteException.invalidContent("The refunded amount must be a positive number.", path + ".amount");
      }
      if (amount.compareTo(available) > 0) {
        throw NetSuiteException.userError("The amount refunded from " + store.displayName(payment) + " ("
            + amount.toPlainString() + ") exceeds its unapplied amount (" + available.toPlainString() + ").",
            path + ".amount");
      }
      Map<String, Object> line = new LinkedHashMap<>();
      line.put("apply", true);
      line.put("amount", amount);
      line.put("doc", doc);
      line.put("line", lines.size());
      lines.add(line);
    }
    refund.setSublist("apply", lines);
  }
}
