package io.portico.sandbox.data;

import com.fasterxml.jackson.databind.JsonNode;
import io.portico.sandbox.errors.NetSuiteException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes the {@code item} sublist of sales transactions and keeps the header totals in step with it. */
final class LineItems {

  private final BodyParser parser;

  LineItems(BodyParser parser) {
    this.parser = parser;
  }

  /**
   * Merges {@code {"items":[...]}} into the record's item lines: an element with a {@code line} that exists changes
   * that line, any other element is a new line; with {@code replace} the sent lines become the whole sublist.
   */
  void write(RecordData record, JsonNode sublist, boolean replace) {
    JsonNode items = itemsOf(sublist, "item");
    List<Map<String, Object>> lines = replace ? new ArrayList<>() : new ArrayList<>(record.sublist("item"));
    for (int i = 0; i < items.size(); i++) {
      JsonNode item = items.get(i);
      String path = "item.items[" + i + "]";
      Map<String, Object> line = item.has("line") && !replace ? find(lines, item.get("line").asInt()) : null;
      if (line == null) {
        line = new LinkedHashMap<>();
        line.put("line", lines.size() + 1);
        lines.add(line);
      }
      fill(line, item, path, record.type() == RecordType.SALES_ORDER);
    }
    for (int n = 0; n < lines.size(); n++) {
      lines.get(n).put("line", n + 1);
    }
    record.setSublist("item", lines);
    recomputeTotals(record);
  }

  static void recomputeTotals(RecordData record) {
    BigDecimal total = record.sublist("item").stream()
        .map(l -> (BigDecimal) l.get("amount")).reduce(BigDecimal.ZERO, BigDecimal::add);
    record.set("subtotal", total).set("discountTotal", BigDecimal.ZERO).set("taxTotal", BigDecimal.ZERO)
        .set("total", total);
  }

  private void fill(Map<String, Object> line, JsonNode item, String path, boolean salesOrder) {
    if (item.has("item") || !line.containsKey("item")) {
      if (!item.hasNonNull("item")) {
        throw NetSuiteException.userError("Please enter value(s) for: Item", path + ".item");
      }
      Ref ref = parser.reference("item", item.get("item"), path + ".item");
      Catalog.Item catalogItem = Catalog.item(ref.id()).orElseThrow();
      line.put("item", new Ref(catalogItem.restType(), catalogItem.id()));
      line.put("itemType", Choice.of(catalogItem.itemType()));
      line.putIfAbsent("description", catalogItem.displayName());
      line.putIfAbsent("rate", catalogItem.basePrice());
      line.putIfAbsent("quantity", BigDecimal.ONE);
    }
    if (item.has("description")) {
      line.put("description", parser.text(item.get("description"), path + ".description"));
    }
    BigDecimal quantity = item.has("quantity") ? parser.decimal(item.get("quantity"), path + ".quantity")
        : (BigDecimal) line.get("quantity");
    BigDecimal rate = item.has("rate") ? parser.decimal(item.get("rate"), path + ".rate") : null;
    BigDecimal amount = item.has("amount") ? parser.decimal(item.get("amount"), path + ".amount") : null;
    if (rate == null && amount != null && quantity.signum() != 0) {
      rate = amount.divide(quantity, MathContext.DECIMAL64);
    }
    if (rate == null) {
      rate = (BigDecimal) line.get("rate");
    }
    line.put("quantity", quantity);
    line.put("rate", rate);
    line.put("amount", SlotFacts.money(amount != null ? amount : quantity.multiply(rate)));
    if (salesOrder) {
      line.putIfAbsent("isClosed", false);
    }
  }

  private static Map<String, Object> find(List<Map<String, Object>> lines, int lineNumber) {
    return lines.stream().filter(l -> Integer.valueOf(lineNumber).equals(l.get("line"))).findFirst().orElse(null);
  }

  static JsonNode itemsOf(JsonNode sublist, String name) {
    JsonNode items = sublist == null ? null : sublist.get("items");
    if (items == null || !items.isArray()) {
      throw NetSuiteException.invalidContent("The sublist '" + name + "' must be sent as {\"items\": [...]}.", name);
    }
    return items;
  }
}
